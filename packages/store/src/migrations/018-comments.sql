-- Comment threads (issue #17; docs/workflow.md "Comments"): on a data point, an activity line, a
-- finding (by its derived id, core checks/finding-id.ts), an assignment (by its id) or a
-- workflow unit ("entity/period/topic"). Append-only: a comment is never edited or removed; a
-- correction is another comment. entity_id is the target's entity when the comment was written
-- (the group's for an organisation-wide finding): who may read the thread is decided on it when
-- the target itself is gone (a retracted data point, a finding the data no longer raises).
-- A reply names a comment of the same target (checked where it is inserted, store/src/comments.ts).
-- The application refuses NUL and other control characters and caps the text at 4,000
-- characters; the constraint below is the last guard.

create table comment (
  id bigint generated always as identity primary key,
  target_kind text not null
    check (target_kind in ('data-point', 'activity-line', 'finding', 'assignment', 'unit')),
  target_id text not null check (length(target_id) between 1 and 400),
  entity_id text not null check (length(entity_id) between 1 and 200),
  reply_to bigint references comment (id),
  user_id text not null check (length(user_id) between 1 and 200), -- user id, or "local"
  author text not null check (length(author) between 1 and 600), -- "Ann Lee <ann@x.com>", "local user"
  at timestamptz not null,
  body text not null check (length(body) between 1 and 4000 and length(btrim(body)) > 0)
);
create index comment_target on comment (target_kind, target_id, id);

create trigger comment_append_only before update or delete on comment
  for each row execute function assay_forbid_change();
create trigger comment_no_truncate before truncate on comment
  for each statement execute function assay_forbid_change();
