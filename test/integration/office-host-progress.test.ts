// The export's progress as the app hears it: the host pushes `exportProgress` events for the document while
// it exports (writing the .docx, LibreOffice laying it out, checking the contents' page numbers, writing the
// PDF), in that order, and the PDF it returns is laid out by the warm LibreOffice, which the host keeps
// running from one export to the next.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../main/host/host';
import { findSoffice } from '../../main/export/libreoffice';
import { findUnoPython } from '../../main/export/office/find-python';
import { sharedWarmOffice, stopSharedOffices } from '../../main/export/office/shared-office';

const soffice = await findSoffice();
const python = soffice ? await findUnoPython(soffice) : undefined;

describe.skipIf(!soffice || !python)('export progress from the host', () => {
  it('pushes the phases of a PDF export in order, and the next export finds LibreOffice running', { timeout: 300_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pejling-test-progress-'));
    const host = await createHost({ dataDir });
    try {
      const doc = await host.api.createDocument({ from: 'example', name: 'odder-2006' });
      const other = await host.api.createDocument({ from: 'example', name: 'brk-2010' });
      const heard: { id: string; phase: string }[] = [];
      const off = host.api.on('exportProgress', (event) => heard.push(event));
      const file = await host.api.exportDocx(doc.id, { part: 'strategy', format: 'pdf' });
      expect(file.mimeType).toBe('application/pdf');
      expect(heard.map((e) => e.phase)).toEqual(['writing', 'laying-out', 'checking', 'writing-pdf']);
      expect(heard.every((e) => e.id === doc.id)).toBe(true);

      const office = await sharedWarmOffice(soffice!);
      const running = office!.processIds();
      expect(running.soffice).toBeDefined();
      heard.length = 0;
      await host.api.exportDocx(other.id, { part: 'strategy' });
      // A Word export: no PDF phase; the same soffice laid it out.
      expect(heard.map((e) => e.phase)).toEqual(['writing', 'laying-out', 'checking']);
      expect(heard.every((e) => e.id === other.id)).toBe(true);
      expect(office!.processIds().soffice).toBe(running.soffice);
      off();
    } finally {
      await host.close();
      await stopSharedOffices();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
