/**
 * What a Scope 3 line must be for its method to use it: a category of the Standard (cat-1 …
 * cat-15), a method the category allows (attribute `method`, "given" when absent), an amount the
 * method can multiply (a unit of the method's measure, and of the factor's denominator when the
 * factor is at hand), the factor's key attribute, for spend-based a price year matching the
 * factor's or a stated deflator, and a data-quality score 1–5 when given (attribute `dq`).
 * A factor not found is left to the calculation (it names the missing factor), as for fuels.
 */
import { parseDecimal } from '../../decimal.js';
import { factorToQuantity } from '../../factors/factor-quantity.js';
import { selectFactor } from '../../factors/select-factor.js';
import { dimensionKey } from '../../units/dimension.js';
import {
  type ActivityEntryContext,
  type ActivityEntryInput,
  type ActivityEntryProblem,
  dimensionWords,
} from '../activity-entry.js';
import {
  SCOPE3_ASSUMPTION_CATEGORIES,
  SCOPE3_CATEGORIES,
  SCOPE3_METHODS,
  type Scope3Method,
  scope3Category,
} from './categories.js';
import { methodOf, parseLineFactor, perDimension, scope3FactorQuery } from './scope3-factor.js';
import { SCOPE3_ATTRIBUTES as A, SCOPE3_METHOD_SPECS } from './scope3-methods.js';

const categoryList = (): string => SCOPE3_CATEGORIES.map((c) => `${c.id} (${c.name.en})`).join(', ');

export function scope3LineProblems(
  input: ActivityEntryInput,
  ctx: ActivityEntryContext,
): ActivityEntryProblem[] {
  const category = scope3Category(input.subject);
  if (!category)
    return [
      {
        field: 'subject',
        message: `"${input.subject}" is not a Scope 3 category of the GHG Protocol; use one of ${categoryList()}`,
      },
    ];
  const attrs = input.attributes ?? {};
  const problems: ActivityEntryProblem[] = [];
  const dq = attrs[A.quality];
  if (dq !== undefined && !/^[1-5]$/.test(dq))
    problems.push({
      field: 'attributes',
      message: `data quality dq=${dq} is not a score from 1 (best) to 5 (docs/methods.md, "Scope 3")`,
    });
  const screening = attrs[A.screening];
  if (screening !== undefined && screening !== 'yes')
    problems.push({
      field: 'attributes',
      message: `screening=${screening}: a screening estimate says screening=yes; leave it out for a line of the inventory`,
    });
  problems.push(...supplierProblems(attrs[A.supplier], ctx.suppliers));
  const methodText = methodOf({ attributes: attrs });
  if (!(SCOPE3_METHODS as readonly string[]).includes(methodText))
    return [
      ...problems,
      {
        field: 'attributes',
        message: `method "${methodText}" is not a Scope 3 method; ${category.id} allows ${category.methods.join(', ')}`,
      },
    ];
  const method = methodText as Scope3Method;
  if (!category.methods.includes(method))
    return [
      ...problems,
      {
        field: 'attributes',
        message: `${category.id} (${category.name.en}) does not allow the method "${method}"; it allows ${category.methods.join(', ')}`,
      },
    ];
  const spec = SCOPE3_METHOD_SPECS[method];
  const dim = dimensionKey(input.unit.dims);
  const unitWords = `"${input.unit.symbol}" measures ${dimensionWords(input.unit)}`;
  if (!spec.measures.includes(dim))
    return [
      ...problems,
      {
        field: 'unit',
        message: `${unitWords}, but a ${category.id} line by the ${method} method is entered as ${spec.what}: use a unit such as ${spec.examples}${method === 'given' ? ', or name its method with the attribute method=<…>' : ''}`,
      },
    ];
  if (method === 'given') return problems;
  if (SCOPE3_ASSUMPTION_CATEGORIES.has(category.id) && !attrs[A.assumption]?.trim())
    problems.push({
      field: 'attributes',
      message: `${category.id} (${category.name.en}) by the ${method} method rests on assumptions about the products sold: state them with assumption=<words> (e.g. the process, lifetime or treatment route assumed)`,
    });
  return [...problems, ...factorProblems(input, ctx, method, category.id, unitWords)];
}

/** A named supplier must be in the register where there is one (by id or credit code). */
function supplierProblems(
  supplier: string | undefined,
  register: ActivityEntryContext['suppliers'],
): ActivityEntryProblem[] {
  if (supplier === undefined || register === undefined || register.length === 0) return [];
  if (register.some((s) => s.id === supplier || s.creditCode === supplier)) return [];
  return [
    {
      field: 'attributes',
      message: `supplier=${supplier} is not in the supplier register (registers.yaml suppliers): name a supplier by its id or its credit code`,
    },
  ];
}

function factorProblems(
  input: ActivityEntryInput,
  ctx: ActivityEntryContext,
  method: Exclude<Scope3Method, 'given'>,
  category: string,
  unitWords: string,
): ActivityEntryProblem[] {
  const attrs = input.attributes ?? {};
  const spec = SCOPE3_METHOD_SPECS[method];
  const dim = dimensionKey(input.unit.dims);
  const problems: ActivityEntryProblem[] = [];
  const onLine = method === 'supplier-specific' ? attrs[A.factor] : undefined;
  let per: string | undefined;
  let priceYear: number | undefined;
  let factorName = '';
  if (onLine !== undefined) {
    const f = parseLineFactor(onLine);
    if (!f.ok) return [{ field: 'attributes', message: f.reason }];
    per = perDimension(f.value.unit);
    factorName = `the factor ${onLine}`;
  } else {
    const query = scope3FactorQuery(method, category, attrs, ctx.scope3FactorSets);
    if (query === undefined)
      return [
        {
          field: 'attributes',
          message: `a line by the ${method} method names its factor with the attribute ${spec.key}=<…> (the key of a ${spec.factorKind} factor in the factor set)${method === 'supplier-specific' ? ', or gives the supplier’s own with factor=<value> <unit> (e.g. factor=2.1 tCO2e/t)' : ''}`,
        },
      ];
    const hit = selectFactor(ctx.library, query);
    if (hit.ok) {
      per = perDimension(factorToQuantity(hit.factor).unit);
      priceYear = hit.factor.priceYear;
      factorName = `the factor ${hit.factor.id} (${hit.factor.unit})`;
      if (method === 'spend-based' && priceYear === undefined)
        problems.push({
          field: 'attributes',
          message: `${factorName} states no price year: a spend-based factor needs one (factors.csv column price_year)`,
        });
    }
  }
  if (per !== undefined && per !== dim)
    problems.push({
      field: 'unit',
      message: `${unitWords}, but ${factorName} is per ${per}: enter the amount in a unit of ${per}`,
    });
  if (method === 'spend-based') problems.push(...priceYearProblems(attrs, priceYear, factorName));
  return problems;
}

function priceYearProblems(
  attrs: Readonly<Record<string, string>>,
  factorYear: number | undefined,
  factorName: string,
): ActivityEntryProblem[] {
  const year = attrs[A.priceYear];
  if (year === undefined || !/^\d{4}$/.test(year))
    return [
      {
        field: 'attributes',
        message: `a spend-based line states the year its money is in: add price-year=<year> (e.g. price-year=2025)${year === undefined ? '' : `; "${year}" is not a year`}`,
      },
    ];
  const deflator = attrs[A.deflator];
  if (deflator !== undefined) {
    const d = parseDecimal(deflator);
    if (!d.ok || !d.value.greaterThan(0))
      return [{ field: 'attributes', message: `deflator "${deflator}" is not a ratio above zero` }];
    return [];
  }
  if (factorYear !== undefined && Number(year) !== factorYear)
    return [
      {
        field: 'attributes',
        message: `the spend is in ${year} prices but ${factorName} is per ${factorYear} prices: add deflator=<ratio> (the price level of ${factorYear} over that of ${year}, from a stated price index)`,
      },
    ];
  return [];
}
