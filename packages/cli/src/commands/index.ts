/** The command table. Each later feature adds its command file here. */
import type { Command } from '../command.js';
import { auditCommand } from './audit.js';
import { backupCommand, restoreCommand } from './backup.js';
import { calcCommand } from './calc.js';
import { checkCommand } from './check.js';
import { dbCommand } from './db.js';
import { demoCommand } from './demo.js';
import { disclosuresCommand } from './disclosures.js';
import { explainCommand } from './explain.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { remindCommand } from './remind.js';
import { reportCommand } from './report.js';
import { restatementCommand } from './restatement.js';
import { retractCommand } from './retract.js';
import { serveCommand } from './serve.js';
import { tokenCommand } from './token.js';
import { userCommand } from './user.js';
import { validateCommand } from './validate.js';

export const COMMANDS: readonly Command[] = [
  validateCommand,
  calcCommand,
  explainCommand,
  serveCommand,
  demoCommand,
  disclosuresCommand,
  reportCommand,
  importCommand,
  retractCommand,
  restatementCommand,
  exportCommand,
  dbCommand,
  auditCommand,
  backupCommand,
  restoreCommand,
  checkCommand,
  userCommand,
  tokenCommand,
  remindCommand,
];
