/**
 * A person as a published report names them: the name of a user label ("Lena Lead
 * <lead@example.com>", as the app records approvers and authors) without the e-mail address.
 * A report is a public document; staff e-mail addresses are personal data it has no need for.
 * A label that is only an address keeps its local part ("lead@example.com" → "lead").
 */
export function publicName(label: string): string {
  const name = label.replace(/<[^>]*>/g, '').trim();
  if (name === '') return label.split('@')[0]?.replace(/[<>]/g, '').trim() ?? '';
  return name.includes('@') ? (name.split('@')[0] ?? name) : name;
}
