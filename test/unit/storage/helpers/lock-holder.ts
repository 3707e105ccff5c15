// Test helper: takes the data-folder lock of argv[2] through the real store, prints "locked <pid>", then idles
// until killed.
import { DocumentStore } from '../../../../main/storage/document-store';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: lock-holder.ts <dataDir>');
await DocumentStore.open({ dataDir });
process.stdout.write(`locked ${process.pid}\n`);
setInterval(() => undefined, 1000);
