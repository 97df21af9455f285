-- Facts, documents, evidence and the audit log are append-only: UPDATE, DELETE and TRUNCATE
-- raise. A correction is a new revision that supersedes the old one.
create function assay_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception 'table % is append-only: % is not allowed (add a revision instead)', tg_table_name, tg_op
    using errcode = 'P0001';
end
$$;

do $$
declare t text;
begin
  foreach t in array array['change_set', 'catalogue_entry', 'factor_version', 'data_point_revision',
    'activity_line_revision', 'document_revision', 'evidence_file', 'audit_log'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function assay_forbid_change()',
      t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function assay_forbid_change()',
      t || '_no_truncate', t);
  end loop;
end
$$;
