/**
 * What notifications need to know of accounts (010-accounts.sql, 020's users.language): the
 * enabled users with their grants and preferred language, to find who may review or approve
 * an entity and in which language to write to them.
 */
import type { Sql } from '../store.js';

export type AccountLanguage = 'en' | 'zh-Hant';
export const ACCOUNT_LANGUAGES: readonly AccountLanguage[] = ['en', 'zh-Hant'];

export type NotifiableAccount = {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly language: AccountLanguage;
  readonly grants: readonly { readonly role: string; readonly entityId: string }[];
};

/** Every enabled account with its grants (possibly none), by id. */
export async function notifiableAccounts(sql: Sql): Promise<NotifiableAccount[]> {
  const rows = await sql.query<{
    id: string;
    email: string;
    name: string;
    language: AccountLanguage;
    role: string | null;
    entityId: string | null;
  }>(
    `select u.id, u.email, u.name, u.language, g.role, g.entity_id as "entityId"
     from users u left join grants g on g.user_id = u.id
     where not u.disabled order by u.id, g.role, g.entity_id`,
  );
  const byId = new Map<string, NotifiableAccount & { grants: { role: string; entityId: string }[] }>();
  for (const r of rows) {
    let a = byId.get(r.id);
    if (!a) {
      a = { id: r.id, email: r.email, name: r.name, language: r.language, grants: [] };
      byId.set(r.id, a);
    }
    if (r.role !== null && r.entityId !== null) a.grants.push({ role: r.role, entityId: r.entityId });
  }
  return [...byId.values()];
}

/** The account's preferred language; undefined when there is no such account. */
export async function accountLanguage(sql: Sql, userId: string): Promise<AccountLanguage | undefined> {
  const [row] = await sql.query<{ language: AccountLanguage }>('select language from users where id = $1', [
    userId,
  ]);
  return row?.language;
}

/** Set the account's preferred language; false when there is no such account. */
export async function setAccountLanguage(
  sql: Sql,
  userId: string,
  language: AccountLanguage,
): Promise<boolean> {
  const rows = await sql.query('update users set language = $2 where id = $1 returning id', [
    userId,
    language,
  ]);
  return rows.length === 1;
}
