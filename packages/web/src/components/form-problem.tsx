/**
 * A refused form submission, shown next to the field the API named (`error.field`) or, when it
 * names none of the form's fields, under the form. `aliases` maps an API field name to the
 * form's (the grant route names `entityId`, the form's select is `entity`).
 */
import { ApiError } from '../api';

export type FormProblem = { field: string | undefined; message: string };

export function problemOf(e: unknown, aliases: Record<string, string> = {}): FormProblem {
  if (!(e instanceof ApiError)) return { field: undefined, message: String(e) };
  const field = e.body.field;
  return { field: field === undefined ? undefined : (aliases[field] ?? field), message: e.message };
}

/** The message if it belongs to `field`. */
export function FieldProblem({ problem, field }: { problem: FormProblem | undefined; field: string }) {
  if (problem?.field !== field) return null;
  return (
    <div className="field-error" role="alert" data-field-error={field}>
      {problem.message}
    </div>
  );
}

/** The message if it belongs to none of `fields`. */
export function FormLevelProblem({
  problem,
  fields,
}: {
  problem: FormProblem | undefined;
  fields: readonly string[];
}) {
  if (!problem || (problem.field !== undefined && fields.includes(problem.field))) return null;
  return (
    <div className="field-error" role="alert" data-field-error="">
      {problem.message}
    </div>
  );
}
