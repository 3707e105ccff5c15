// A process that uses the warm LibreOffice and then ends (test/integration/office-warm.test.ts): `exit` lets
// it end by itself (the office must not keep it alive, and its exit hook must end soffice and the bridge),
// `kill` ends it with SIGKILL (the bridge must notice and take soffice along). Prints the processes' ids.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { exportDocxDetailed } from '../../shared/export/docx/export-docx';
import type { StrategyFile } from '../../shared/format/schema';
import { findSoffice } from '../../main/export/libreoffice';
import { sharedWarmOffice } from '../../main/export/office/shared-office';
import { loadHouseStyle } from '../../main/export/styles';

const ending = process.argv[2];
const soffice = await findSoffice();
const office = soffice ? await sharedWarmOffice(soffice) : undefined;
if (!office) throw new Error('no warm LibreOffice here');
const strategy = JSON.parse(await readFile(path.join(import.meta.dirname, '../../templates/examples/brk-2010.json'), 'utf8')) as StrategyFile;
const { style } = await loadHouseStyle('neutral');
const exported = await exportDocxDetailed(strategy, { part: 'strategy', style, estimate: 'quick' });
const laid = await office.layout({ docx: exported.bytes, toc: true });
const { bridge, soffice: sofficePid } = office.processIds();
console.log(JSON.stringify({ bridge, soffice: sofficePid, pages: laid.pageCount }));
if (ending === 'kill') process.kill(process.pid, 'SIGKILL');
