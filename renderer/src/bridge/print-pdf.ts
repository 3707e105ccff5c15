// "Udskriv" in the browser: the published document's PDF goes into a hidden frame of its own and that frame
// is printed, so the printer gets the PDF's pages (with their verified page numbers), never the app's screen.
// The frame stays until the next print (a print dialog may still be reading it), then it is replaced.
const FRAME_ATTRIBUTE = 'data-pejling-print';

export function printPdf(blob: Blob): void {
  document.querySelectorAll(`iframe[${FRAME_ATTRIBUTE}]`).forEach((old) => {
    URL.revokeObjectURL(old.getAttribute('src') ?? '');
    old.remove();
  });
  const url = URL.createObjectURL(blob.type === 'application/pdf' ? blob : new Blob([blob], { type: 'application/pdf' }));
  const frame = document.createElement('iframe');
  frame.setAttribute(FRAME_ATTRIBUTE, 'pdf');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  frame.addEventListener('load', () => {
    try {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
    } catch {
      // A browser that will not print a PDF frame: show the PDF in a tab, where its own print button works.
      window.open(url, '_blank', 'noopener');
    }
  });
  frame.src = url;
  document.body.append(frame);
}
