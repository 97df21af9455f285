-- Utility bills (issue #22; docs/meters.md "Utility bills").
--
-- A small register: what the utility billed an account for a month (quantity and unit, and the
-- amount of money with its currency when given), reconciled with the main meter of the account.
-- Kept like the meter register (023): a document in versions, each version holding all bills as
-- text fields (validated by core on every read against the meter register), edited whole and
-- refused when the version it edits is not the latest; the history is kept. Append-only.

create table utility_bill_version (
  version int primary key check (version >= 1),
  -- [{"account": "…", "month": "2025-01", "quantity": "…", "unit": "kWh", "amount": "…", "currency": "CNY"}]
  bills jsonb not null check (jsonb_typeof(bills) = 'array'),
  actor text not null check (length(actor) between 1 and 600),
  reason text not null check (length(reason) between 1 and 2000),
  at timestamptz not null
);

create trigger utility_bill_version_append_only before update or delete on utility_bill_version
  for each row execute function assay_forbid_change();
create trigger utility_bill_version_no_truncate before truncate on utility_bill_version
  for each statement execute function assay_forbid_change();
