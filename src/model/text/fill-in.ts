/**
 * A message's `{name}` placeholders filled from `vars`. One left without a value stays as written,
 * unless `missing` says what to put there instead.
 */
export function fillIn(
  template: string,
  vars: Readonly<Record<string, string | number | undefined>> = {},
  missing = (name: string) => `{${name}}`,
): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? missing(name)));
}
