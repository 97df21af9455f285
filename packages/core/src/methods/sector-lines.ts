/**
 * Activity lines only a sector pack calculates (sector-packs.ts `activities`):
 *
 * Coal mining (IPCC 2006 Vol. 2 Ch. 4 §4.1, Tier 1), a `coal-mined` line per mine type
 * (subject `underground` or `surface`), amount = raw coal mined (t):
 *   CH4_stage (t) = coal (t) × EF_stage (m³ CH4/t) × ρ_CH4 (0.67 kg/m³ at 20 °C, 1 atm)
 *   for stage = mining and post-mining;
 *   E (tCO2e) = (CH4_mining + CH4_post-mining) × GWP_CH4        → ghg.scope1.fugitive
 * EF_stage is the library's Tier 1 average unless the line states a mine-specific one
 * (`mining-ef=12 m³/t`, `post-mining-ef=1.5 m³/t`, with `ef-source=`).
 *
 * Cement and lime (IPCC 2006 Vol. 3 Ch. 2, clinker-based), a `clinker` line, amount = clinker
 * produced (t):
 *   EF_clk (tCO2e/t) = CaO × 44.0095/56.0774 + MgO × 44.0095/40.3044   (fractions on the line:
 *                      `cao=0.65`, `mgo=0.015`; the CaO and MgO from carbonates)
 *                      × the cement kiln dust correction (`ckd-correction=1.02`, 1 when absent)
 *   or, without `cao`, the IPCC Tier 1 default 0.52 (which already includes kiln dust);
 *   E = clinker (t) × EF_clk                                            → ghg.scope1.process
 * Lime: enter the carbonate burned as a `carbonate` line (stoichiometric, activity-other.ts).
 *
 * A line of either type in an entity following another pack makes its figure an error naming
 * the setting to add (as carbon-balance lines do, carbon-balance.ts).
 */

import { parseDecimal } from '../decimal.js';
import { calcError } from '../errors.js';
import type { FactorQuery } from '../factors/select-factor.js';
import type { ActivityLine } from '../model/fact.js';
import { quantity } from '../units/quantity.js';
import { parseUnit } from '../units/unit.js';
import { type ActivityContext, contribute, derive, labelKey, lineNode } from './activity-context.js';
import { packForActivity } from './sector-packs.js';

export const MINE_TYPES = ['underground', 'surface'] as const;
export const MINING_STAGES = ['mining', 'post-mining'] as const;

const RATIO = parseUnit('ratio');

/** The figure a line feeds, or false (and an error node contributing there) when its pack is not the entity's. */
function inPack(ctx: ActivityContext, line: ActivityLine, indicatorId: string): boolean {
  const needed = packForActivity(line.activity);
  if (needed === undefined || (ctx.pack ?? 'non-ferrous') === needed) return true;
  const id = `act:${line.id}:not-in-pack`;
  ctx.graph.add({
    kind: 'invalid',
    id,
    label: `${line.activity} ${line.subject} of ${ctx.entity.id}`,
    value: calcError(
      'invalid-formula',
      `${ctx.entity.id} has ${line.activity} lines but follows the ${ctx.pack ?? 'non-ferrous'} pack: set methods.sectorPacks.${ctx.entity.id}: ${needed} in assay.yaml`,
      id,
    ),
  });
  contribute(ctx, line, indicatorId, id);
  return false;
}

/** A "<value> <unit>" attribute as a constant node, or an invalid node saying why not. */
function statedNode(
  ctx: ActivityContext,
  id: string,
  label: string,
  text: string,
  expectUnit?: string,
): string {
  const m = /^(\S+)(?:\s+(.+))?$/.exec(text.trim());
  const value = parseDecimal(m?.[1] ?? '');
  const unit = m?.[2] === undefined ? RATIO : parseUnit(m[2].trim());
  const bad = !value.ok
    ? value.reason
    : !unit.ok
      ? unit.reason
      : value.value.isNegative()
        ? 'cannot be below zero'
        : undefined;
  if (bad !== undefined || !value.ok || !unit.ok) {
    ctx.graph.add({
      kind: 'invalid',
      id,
      label,
      value: calcError(
        'invalid-formula',
        `${label} "${text}": ${bad ?? ''}${expectUnit ? ` (expected e.g. ${expectUnit})` : ''}`,
        id,
      ),
    });
    return id;
  }
  ctx.graph.add({ kind: 'constant', id, label, value: quantity(value.value, unit.unit) });
  return id;
}

export function coalMinedLine(ctx: ActivityContext, line: ActivityLine): void {
  if (!inPack(ctx, line, 'ghg.scope1.fugitive')) return;
  const coal = lineNode(ctx, line);
  const density = ctx.factors.node({
    kind: 'gas-density',
    method: 'ipcc-2006',
    keys: { gas: 'CH4' },
    label: 'density of CH4 (20 °C, 1 atm)',
  });
  const stages = MINING_STAGES.map((stage) => {
    const stated = line.attributes[`${stage}-ef`];
    const query: FactorQuery = {
      kind: 'fugitive-ch4-ef',
      method: 'ipcc-2006',
      keys: { mine: line.subject, stage },
      label: `${line.subject} ${stage} CH4`,
    };
    const ef =
      stated === undefined
        ? ctx.factors.node(query)
        : statedNode(
            ctx,
            `act:${line.id}:${stage}-ef`,
            `${stage} CH4 emission factor of ${line.subject} mining (stated on the line: ${line.attributes['ef-source'] ?? ''})`,
            stated,
            'm³/t',
          );
    return derive(
      ctx,
      `act:${line.id}:ch4-${stage}`,
      `${stage} CH4 of ${line.subject} coal`,
      { op: 'product', inputs: [coal, ef, density], unit: 't' },
      undefined,
      labelKey('coal-mine-ch4', { mine: line.subject, stage }),
    );
  });
  const ch4 = derive(
    ctx,
    `act:${line.id}:ch4`,
    `CH4 of ${line.subject} coal mining (mining + post-mining)`,
    { op: 'sum', inputs: stages, unit: 't' },
    undefined,
    labelKey('coal-mine-ch4-total', { mine: line.subject }),
  );
  const gwp = ctx.factors.node({ kind: 'gwp', keys: { gas: 'CH4' }, label: 'GWP of CH4' });
  const co2e = derive(
    ctx,
    `act:${line.id}:co2e`,
    `fugitive CH4 of ${line.subject} coal mining in CO2e`,
    { op: 'product', inputs: [ch4, gwp], unit: 'tCO2e' },
    undefined,
    labelKey('coal-mine-co2e', { mine: line.subject }),
  );
  contribute(ctx, line, 'ghg.scope1.fugitive', co2e);
}

export function clinkerLine(ctx: ActivityContext, line: ActivityLine): void {
  if (!inPack(ctx, line, 'ghg.scope1.process')) return;
  const clinker = lineNode(ctx, line);
  const a = line.attributes;
  let ef: string;
  if (a.cao === undefined) {
    ef = ctx.factors.node({
      kind: 'clinker-ef',
      method: 'ipcc-2006',
      keys: { product: 'clinker' },
      label: 'default clinker emission factor',
    });
  } else {
    const oxide = (name: 'cao' | 'mgo', label: string) =>
      derive(
        ctx,
        `act:${line.id}:${name}-co2`,
        `CO2 per t of clinker from its ${label}`,
        {
          op: 'product',
          inputs: [
            statedNode(ctx, `act:${line.id}:${name}`, `${label} fraction of clinker`, a[name] ?? '0'),
            ctx.factors.node({
              kind: 'constant',
              keys: { constant: `co2-per-${name}` },
              label: `CO2 per ${label} (stoichiometric)`,
            }),
          ],
          unit: 'tCO2e/t',
        },
        undefined,
        labelKey('clinker-oxide-co2', { oxide: name }),
      );
    const parts = [oxide('cao', 'CaO'), ...(a.mgo === undefined ? [] : [oxide('mgo', 'MgO')])];
    const ckd = a['ckd-correction'];
    const label = 'clinker emission factor (stoichiometric, from the stated CaO and MgO)';
    // without a kiln-dust correction the oxides' sum is the factor itself
    const oxides = derive(
      ctx,
      ckd === undefined ? `act:${line.id}:ef` : `act:${line.id}:ef-oxides`,
      ckd === undefined ? label : 'clinker EF from CaO and MgO',
      { op: 'sum', inputs: parts, unit: 'tCO2e/t' },
      undefined,
      ckd === undefined ? labelKey('clinker-ef') : undefined,
    );
    ef =
      ckd === undefined
        ? oxides
        : derive(
            ctx,
            `act:${line.id}:ef`,
            `${label} × kiln dust correction`,
            {
              op: 'product',
              inputs: [
                oxides,
                statedNode(ctx, `act:${line.id}:ckd`, 'cement kiln dust correction factor', ckd),
              ],
              unit: 'tCO2e/t',
            },
            undefined,
            labelKey('clinker-ef'),
          );
  }
  const co2 = derive(
    ctx,
    `act:${line.id}:co2`,
    'process CO2 of clinker',
    { op: 'product', inputs: [clinker, ef], unit: 'tCO2e' },
    undefined,
    labelKey('clinker-co2'),
  );
  contribute(ctx, line, 'ghg.scope1.process', co2);
}

/** What a coal-mined or clinker line must carry (validation; messages name the attribute). */
export function sectorLineProblems(
  activity: 'coal-mined' | 'clinker',
  subject: string,
  attributes: Readonly<Record<string, string>>,
): { readonly field: 'subject' | 'attributes'; readonly message: string }[] {
  const problems: { field: 'subject' | 'attributes'; message: string }[] = [];
  const out = { push: (message: string) => problems.push({ field: 'attributes', message }) };
  const fraction = (name: string) => {
    const v = attributes[name];
    if (v === undefined) return;
    const d = parseDecimal(v.trim());
    if (!d.ok || d.value.isNegative() || d.value.greaterThan(1))
      out.push(`${name}="${v}" must be a fraction between 0 and 1 (e.g. ${name}=0.65 for 65 %)`);
  };
  if (activity === 'coal-mined') {
    if (!(MINE_TYPES as readonly string[]).includes(subject))
      problems.push({
        field: 'subject',
        message: `a coal-mined line's subject is the mine type: underground or surface (not "${subject}")`,
      });
    for (const stage of MINING_STAGES) {
      const v = attributes[`${stage}-ef`];
      if (v === undefined) continue;
      const m = /^(\S+)\s+(.+)$/.exec(v.trim());
      const unit = m ? parseUnit((m[2] as string).trim()) : undefined;
      if (
        !m ||
        !parseDecimal(m[1] as string).ok ||
        !unit?.ok ||
        unit.unit.dims.volume !== 1 ||
        unit.unit.dims.mass !== -1
      )
        out.push(`${stage}-ef="${v}" must be a volume of CH4 per mass of coal, e.g. ${stage}-ef=12 m³/t`);
      else if ((attributes['ef-source'] ?? '').trim() === '')
        out.push(
          `a stated ${stage}-ef needs ef-source=<where it comes from> (a ventilation survey, a basin study)`,
        );
    }
  } else {
    fraction('cao');
    fraction('mgo');
    if (attributes.mgo !== undefined && attributes.cao === undefined)
      out.push(
        'mgo= is used only with cao=: give the clinker CaO fraction too, or neither (the IPCC default)',
      );
    const ckd = attributes['ckd-correction'];
    if (ckd !== undefined) {
      const d = parseDecimal(ckd.trim());
      if (!d.ok || d.value.lessThan(1))
        out.push(`ckd-correction="${ckd}" must be a factor of at least 1 (e.g. 1.02)`);
      else if (attributes.cao === undefined)
        out.push(
          'ckd-correction= applies to a clinker factor from cao=; the IPCC default already includes kiln dust',
        );
    }
  }
  return problems;
}
