import { normaliseDate } from '@/api/dates';
import { SandboxFailure } from './responses';

const LOCK_AFTER_WRONG_ISSUE_DATES = 5;
const digitsOnly = (text: string) => text.replace(/\D/g, '');

type Decrypt = (field: string, required?: boolean) => Promise<string | undefined>;

/**
 * Whether the decrypted request fields match the analysed card. Wrong issue dates are counted per
 * card in `wrongIssueDates`; after five, resident cards are locked (4000123).
 */
export async function verdict(
  idType: string,
  truth: Record<string, string>,
  decrypt: Decrypt,
  cardId: string,
  wrongIssueDates: Map<string, number>,
): Promise<boolean> {
  if (idType === 'resident') {
    const [name, residentNumber, issueDate] = [
      await decrypt('name'),
      await decrypt('residentNumber'),
      await decrypt('issueDate'),
    ];
    if (!/^\d{13}$/.test(residentNumber!) || !/^\d{8}$/.test(issueDate!)) throw new SandboxFailure(4000001);
    if ((wrongIssueDates.get(cardId) ?? 0) >= LOCK_AFTER_WRONG_ISSUE_DATES) throw new SandboxFailure(4000123);
    const dateRight = issueDate === (normaliseDate(truth.issueDate) ?? digitsOnly(truth.issueDate));
    if (!dateRight) wrongIssueDates.set(cardId, (wrongIssueDates.get(cardId) ?? 0) + 1);
    return dateRight && name === truth.name && residentNumber === digitsOnly(truth.residentNumber);
  } else {
    const [name, residentNumber, licence, serial] = [
      await decrypt('name'),
      await decrypt('residentNumber'),
      await decrypt('driverLicenseNumber'),
      await decrypt('serialNum', false),
    ];
    if (!/^\d{7}$/.test(residentNumber!) || !/^\d{12}$/.test(licence!)) throw new SandboxFailure(4000001);
    return (
      name === truth.name &&
      residentNumber === digitsOnly(truth.residentNumber).slice(0, 7) &&
      licence === digitsOnly(truth.driverLicenseNumber) &&
      (serial === undefined || serial === truth.serialNum)
    );
  }
}
