/** The command table. Each later feature adds its command file here. */
import type { Command } from '../command.js';
import { calcCommand } from './calc.js';
import { demoCommand } from './demo.js';
import { disclosuresCommand } from './disclosures.js';
import { explainCommand } from './explain.js';
import { reportCommand } from './report.js';
import { serveCommand } from './serve.js';
import { validateCommand } from './validate.js';

export const COMMANDS: readonly Command[] = [
  validateCommand,
  calcCommand,
  explainCommand,
  serveCommand,
  demoCommand,
  disclosuresCommand,
  reportCommand,
];
