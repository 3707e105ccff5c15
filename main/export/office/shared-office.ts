// The process's warm LibreOffice: one WarmOffice per soffice program, started on the first export that needs a
// layout and kept until the process ends (./warm-office.ts ends it on exit). An export running in a worker
// thread (../export-worker.ts) reaches the main thread's office through a MessagePort (./office-port.ts), so
// the office outlives each export's thread.
import { findUnoPython } from './find-python';
import { WarmOffice, type Office } from './warm-office';

type Provider = (soffice: string) => Promise<Office | undefined>;

let provider: Provider | undefined;
const offices = new Map<string, Promise<WarmOffice | undefined>>();

/** In a worker thread: where its exports find the office (the main thread's, over a port). */
export function setOfficeProvider(next: Provider): void {
  provider = next;
}

/** This process's warm LibreOffice for `soffice`; undefined when no Python with uno is found (one-shot soffice then). */
export function sharedWarmOffice(soffice: string): Promise<WarmOffice | undefined> {
  let office = offices.get(soffice);
  if (!office) {
    office = findUnoPython(soffice).then((python) => (python ? new WarmOffice({ soffice, python }) : undefined));
    offices.set(soffice, office);
  }
  return office;
}

/** The office an export in this thread uses. */
export function officeFor(soffice: string): Promise<Office | undefined> {
  return provider ? provider(soffice) : sharedWarmOffice(soffice);
}

/** Ends every warm LibreOffice of this process (tests; the app and the CLI also end them on exit). */
export async function stopSharedOffices(): Promise<void> {
  const all = [...offices.values()];
  offices.clear();
  for (const office of await Promise.all(all)) await office?.stop();
}
