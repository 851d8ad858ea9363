import type { AnalysisOutcome } from '@/api';
import { cardView } from '@/features/card-view';
import { redactResult } from '@/features/fields';

export interface ExportItem {
  file: string;
  service: string;
  status: string;
  error?: string;
  outcome?: AnalysisOutcome;
  ruleFailures?: number;
}

const BOM = '\uFEFF';

/** RFC 4180 quoting, plus a leading ' before = + - @ so a spreadsheet never runs a cell as a formula. */
function cell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One line per field (and one per card without fields), UTF-8 with a BOM and CRLF line ends so a
 * spreadsheet opens Korean text correctly. Values are masked unless `redacted` is false.
 */
export function batchCsv(items: readonly ExportItem[], redacted: boolean): string {
  const header = ['file', 'service', 'idType', 'status', 'field', 'value', 'confidence', 'ruleFailures', 'error'];
  const lines = [header.join(',')];
  for (const item of items) {
    const base = [item.file, item.service];
    if (!item.outcome) {
      lines.push([...base, '', item.status, '', '', '', '', item.error ?? ''].map(cell).join(','));
      continue;
    }
    const { fields, summary } = cardView(item.outcome);
    const idType = summary.idType ?? '';
    for (const field of fields) {
      const value = redacted ? field.maskedValue : field.value;
      const name = field.group ? `${field.key}${field.group}` : field.key;
      lines.push(
        [...base, idType, item.status, name, value, field.conf ?? '', item.ruleFailures ?? '', ''].map(cell).join(','),
      );
    }
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

export function batchJson(items: readonly ExportItem[], redacted: boolean): string {
  return JSON.stringify(
    {
      exportedAt: new Date().toISOString(),
      redacted,
      items: items.map((item) => ({
        file: item.file,
        service: item.service,
        status: item.status,
        ...(item.error ? { error: item.error } : {}),
        ...(item.outcome ? { result: redacted ? redactResult(item.outcome) : item.outcome.result } : {}),
      })),
    },
    null,
    2,
  );
}
