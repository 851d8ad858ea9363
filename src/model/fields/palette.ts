// One palette, readable on light and dark images: saturated mid-tones, each with a dark outline
// drawn under it (see the viewer), so no colour relies on the background for contrast.
export const FIELD_COLOURS: Record<string, string> = {
  cardNum: '#2f80ed',
  totalCardNum: '#2f80ed',
  validThru: '#f2994a',
  name: '#27ae60',
  koreanName: '#27ae60',
  surName: '#27ae60',
  givenName: '#6fcf97',
  residentNumber: '#eb5757',
  personalNo: '#eb5757',
  issueDate: '#f2c94c',
  dateOfIssue: '#f2c94c',
  dateOfIssueYMD: '#f2c94c',
  issuer: '#9b51e0',
  driverLicenseNumber: '#e0499b',
  passportNo: '#e0499b',
  licenseType: '#56ccf2',
  passportType: '#56ccf2',
  condition: '#bb6bd9',
  serialNum: '#00b3a4',
  countryCode: '#00b3a4',
  nationality: '#00b3a4',
  dateOfBirth: '#f2994a',
  dateOfBirthYMD: '#f2994a',
  dateOfExpiry: '#ff7a45',
  dateOfExpiryYMD: '#ff7a45',
  sex: '#a0b4c8',
  MRZ1: '#7f8fa6',
  MRZ2: '#7f8fa6',
};
export const EXTRA_BOX_COLOUR = '#a0a0a0';
export const FALLBACK_COLOUR = '#d4d4d4';

export const colourOf = (key: string) => FIELD_COLOURS[key] ?? FALLBACK_COLOUR;
