// What each specimen card shows. Synthetic data only, marked SPECIMEN / 견본: the card numbers are
// published Luhn-valid test numbers, the resident numbers are made up with valid check digits.
import { icaoCheckDigit, residentNumberCheckDigit } from '../../src/lib/check-digits';

export interface TextItem {
  kind: 'text';
  text: string;
  x: number;
  y: number;
  size: number;
  bold?: boolean;
  mono?: boolean;
  color?: string;
  /** The result field this text is; its box is measured from the drawing. */
  field?: string;
  conf?: number;
  /** Recorded in the result's extra `boxes[]`. */
  extra?: boolean;
}
export interface RectItem {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
  radius?: number;
  extra?: boolean;
}
export type Item = TextItem | RectItem;

export interface CardDrawing {
  width: number;
  height: number;
  background: [string, string];
  items: Item[];
}

const text = (t: string, x: number, y: number, size: number, more: Partial<TextItem> = {}): TextItem => ({
  kind: 'text',
  text: t,
  x,
  y,
  size,
  ...more,
});
const label = (t: string, x: number, y: number) => text(t, x, y, 15, { color: '#5b6576' });

export function creditCardDrawing(
  groups: string[],
  validThru: string,
  holder: string,
  brand: string,
  confs: number[],
): CardDrawing {
  const positions = groups.length === 4 ? [70, 290, 510, 730] : [70, 300, 650];
  return {
    width: 1000,
    height: 630,
    background: ['#1f3b73', '#4b79c8'],
    items: [
      text('CARDLENS BANK', 60, 95, 40, { bold: true, color: '#ffffff' }),
      { kind: 'rect', x: 80, y: 180, w: 120, h: 90, fill: '#d9b44a', radius: 12 },
      ...groups.map((g, i) =>
        text(g, positions[i], 410, 64, { mono: true, color: '#ffffff', field: `cardNums.${i}`, conf: confs[i] }),
      ),
      text('VALID THRU', 420, 468, 16, { color: '#dfe7f5' }),
      text(validThru, 420, 522, 42, { mono: true, color: '#ffffff', field: 'validThru', conf: confs[groups.length] }),
      text(holder, 70, 585, 34, { color: '#ffffff' }),
      text(brand, 800, 585, 46, { bold: true, color: '#ffffff' }),
    ],
  };
}

export const RESIDENT = {
  name: '홍길동',
  residentNumber: (() => {
    const first12 = '900101123456';
    return `${first12.slice(0, 6)}-${first12.slice(6)}${residentNumberCheckDigit(first12)}`;
  })(),
  issueDate: '2019.3.4.',
  issuer: '서울특별시 종로구청장',
};

export function residentDrawing(): CardDrawing {
  return {
    width: 1000,
    height: 630,
    background: ['#e8f1fb', '#ffffff'],
    items: [
      text('주민등록증', 60, 105, 58, { bold: true, color: '#1c2b4a', extra: true }),
      text(RESIDENT.name, 60, 205, 46, { color: '#111111', field: 'name', conf: 0.97 }),
      text(RESIDENT.residentNumber, 60, 275, 42, { color: '#111111', field: 'residentNumber', conf: 0.93 }),
      text('서울특별시 종로구 세종대로 209 (견본동)', 60, 345, 26, { color: '#333333', extra: true }),
      text(RESIDENT.issueDate, 360, 505, 32, { color: '#111111', field: 'issueDate', conf: 0.74 }),
      text(RESIDENT.issuer, 300, 570, 36, { bold: true, color: '#111111', field: 'issuer', conf: 0.88 }),
      { kind: 'rect', x: 700, y: 130, w: 230, h: 300, fill: '#c5d2e3', radius: 6, extra: true },
    ],
  };
}

export const DRIVER = {
  driverLicenseNumber: '11-19-123456-10',
  licenseType: '1종보통',
  name: '김견본',
  residentNumber: (() => {
    const first12 = '850315234567';
    return `${first12.slice(0, 6)}-${first12.slice(6)}${residentNumberCheckDigit(first12)}`;
  })(),
  condition: 'A',
  serialNum: 'A1B2C3',
  issueDate: '2020.5.20.',
  issuer: '서울특별시경찰청장',
};

export function driverDrawing(): CardDrawing {
  return {
    width: 1000,
    height: 630,
    background: ['#fbeedc', '#ffffff'],
    items: [
      text('자동차운전면허증', 60, 92, 48, { bold: true, color: '#4a2a0c', extra: true }),
      text("Driver's License", 60, 128, 22, { color: '#6b4a2a' }),
      text(DRIVER.licenseType, 60, 195, 32, { color: '#111111', field: 'licenseType', conf: 0.9 }),
      text(DRIVER.driverLicenseNumber, 220, 195, 38, {
        mono: true,
        color: '#111111',
        field: 'driverLicenseNumber',
        conf: 0.95,
      }),
      text(DRIVER.name, 60, 262, 38, { color: '#111111', field: 'name', conf: 0.98 }),
      text(DRIVER.residentNumber, 60, 322, 34, { color: '#111111', field: 'residentNumber', conf: 0.92 }),
      text('서울특별시 마포구 월드컵북로 400 (견본동)', 60, 382, 24, { color: '#333333', extra: true }),
      label('조건', 60, 430),
      text(DRIVER.condition, 110, 432, 28, { color: '#111111', field: 'condition', conf: 0.61 }),
      text(DRIVER.issueDate, 60, 525, 30, { color: '#111111', field: 'issueDate', conf: 0.86 }),
      text(DRIVER.issuer, 300, 578, 34, { bold: true, color: '#111111', field: 'issuer', conf: 0.83 }),
      text(DRIVER.serialNum, 780, 578, 26, { mono: true, color: '#111111', field: 'serialNum', conf: 0.78 }),
      { kind: 'rect', x: 720, y: 150, w: 220, h: 290, fill: '#e6d3bb', radius: 6, extra: true },
    ],
  };
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const printed = (ymd: string) => `${ymd.slice(6)} ${MONTHS[Number(ymd.slice(4, 6)) - 1]} ${ymd.slice(0, 4)}`;

export const PASSPORT = (() => {
  const p = {
    passportType: 'PM',
    countryCode: 'KOR',
    passportNo: 'M70689098',
    surName: 'HONG',
    givenName: 'GILDONG',
    nationality: 'REPUBLIC OF KOREA',
    dateOfBirthYMD: '19900101',
    sex: 'M',
    dateOfIssueYMD: '20210315',
    dateOfExpiryYMD: '20310315',
    koreanName: '홍길동',
    personalNo: '1234568',
  };
  // ICAO 9303 TD3: line 1 is 44 characters of type, issuer and name; line 2 carries the check digits.
  const mrz1 = `${p.passportType}${p.countryCode}${p.surName}<<${p.givenName}`.padEnd(44, '<');
  const docNo = p.passportNo.padEnd(9, '<');
  const birth = p.dateOfBirthYMD.slice(2);
  const expiry = p.dateOfExpiryYMD.slice(2);
  const personal = p.personalNo.padEnd(14, '<');
  const parts = [
    docNo + icaoCheckDigit(docNo),
    p.countryCode,
    birth + icaoCheckDigit(birth),
    p.sex,
    expiry + icaoCheckDigit(expiry),
    personal + icaoCheckDigit(personal),
  ];
  const composite = icaoCheckDigit(parts[0] + parts[2] + parts[4] + parts[5]);
  const mrz2 = parts.join('') + composite;
  return {
    ...p,
    dateOfBirth: printed(p.dateOfBirthYMD),
    dateOfIssue: printed(p.dateOfIssueYMD),
    dateOfExpiry: printed(p.dateOfExpiryYMD),
    MRZ1: mrz1,
    MRZ2: mrz2,
  };
})();

export function passportDrawing(): CardDrawing {
  const p = PASSPORT;
  return {
    width: 1000,
    height: 700,
    background: ['#f3ede2', '#fbf8f2'],
    items: [
      text('대한민국 여권  REPUBLIC OF KOREA  PASSPORT', 300, 62, 26, { bold: true, color: '#3b2f1e', extra: true }),
      { kind: 'rect', x: 40, y: 100, w: 220, h: 290, fill: '#ddd3c2', radius: 4, extra: true },
      label('종류/Type', 300, 105),
      text(p.passportType, 300, 140, 28, { field: 'passportType', conf: 0.96 }),
      label('발행국/Issuing country', 420, 105),
      text(p.countryCode, 420, 140, 28, { field: 'countryCode', conf: 0.97 }),
      label('여권번호/Passport No.', 660, 105),
      text(p.passportNo, 660, 140, 28, { mono: true, field: 'passportNo', conf: 0.94 }),
      label('성/Surname', 300, 172),
      text(p.surName, 300, 205, 30, { field: 'surName', conf: 0.95 }),
      label('이름/Given names', 300, 228),
      text(p.givenName, 300, 261, 30, { field: 'givenName', conf: 0.93 }),
      label('한글성명', 660, 228),
      text(p.koreanName, 660, 261, 30, { field: 'koreanName', conf: 0.9 }),
      label('생년월일/Date of birth', 300, 284),
      text(p.dateOfBirth, 300, 317, 28, { field: 'dateOfBirth', conf: 0.92 }),
      label('성별/Sex', 560, 284),
      text(p.sex, 560, 317, 28, { field: 'sex', conf: 0.99 }),
      label('국적/Nationality', 660, 284),
      text(p.nationality, 660, 317, 26, { field: 'nationality', conf: 0.91 }),
      label('주민등록번호/Personal No.', 300, 340),
      text(p.personalNo, 300, 373, 28, { mono: true, field: 'personalNo', conf: 0.76 }),
      label('발급일/Date of issue', 300, 396),
      text(p.dateOfIssue, 300, 429, 28, { field: 'dateOfIssue', conf: 0.89 }),
      label('기간만료일/Date of expiry', 560, 396),
      text(p.dateOfExpiry, 560, 429, 28, { field: 'dateOfExpiry', conf: 0.9 }),
      text(p.MRZ1, 40, 600, 30, { mono: true, field: 'MRZ1', conf: 0.88 }),
      text(p.MRZ2, 40, 655, 30, { mono: true, field: 'MRZ2', conf: 0.85 }),
    ],
  };
}

/** Keys in the guide's order for each idType: the app's own table. */
export { GUIDE_KEY_ORDER as ID_KEY_ORDER } from '@/model/fields/field-names';

export const DERIVED_FROM: Record<string, string> = {
  dateOfBirthYMD: 'dateOfBirth',
  dateOfIssueYMD: 'dateOfIssue',
  dateOfExpiryYMD: 'dateOfExpiry',
};
