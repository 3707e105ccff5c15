// The Python side of the warm LibreOffice (./warm-office.ts): a small UNO bridge, our own code, after the
// approach of unoserver (one soffice kept running, driven through UNO instead of a fresh `soffice
// --convert-to` per document). It is kept here as text, written to the office's temporary folder and run with
// a Python that has LibreOffice's `uno` module (python3-uno on Debian, the `python` LibreOffice bundles
// elsewhere), because a Python interpreter cannot read a file inside the desktop app's app.asar.
//
// Protocol: one JSON object per line. stdin takes requests {id, op, ...}; stdout answers
// {id, event: 'phase' | 'pages', ...} while working and then {id, ok: true, result} or {id, ok: false, error}.
// The first line out is {event: 'ready', sofficePid} once soffice answers on its pipe.
//
// 'layout' {input, toc, maxPasses, pdf?, filter?}: loads the .docx (hidden), and when `toc` reads the table of
// contents: each entry's page number as written and the page its heading (the entry's bookmark) is on. Where
// they differ it writes the laid-out pages into the entries in place and reads again, up to maxPasses
// layouts, so the check lays out the document that carries the new numbers without loading it again (the
// docx written with those numbers differs from this one only in the entries' digits). Then, with `pdf`, it
// exports the tagged PDF with the filter data given.
//
// The reading and checking runs inside soffice: the bridge loads this same file there as a UNO component
// (com.sun.star.loader.Python, TocCheck) and calls it once per document. Over the pipe every UNO call is a
// round trip between two processes; the check makes about 11 per entry and pass, measured 0.75 s for the
// large strategy's 148 entries on a quiet machine and many seconds at load average 15+, against 0.2 s inside
// soffice at load average 40. Where the component cannot be loaded the same code runs over the pipe.
//
// soffice runs in its own session (process group) with its own profile; the bridge restarts it when it has
// died, kills it when stdin closes or the parent process is gone, and removes its profile.
export const BRIDGE_SOURCE = String.raw`
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time

import uno
import unohelper
from com.sun.star.beans import NamedValue, PropertyValue
from com.sun.star.task import XJob

PARENT = os.getppid()


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def send(message):
    sys.stdout.write(json.dumps(message) + '\n')
    sys.stdout.flush()


class Failure(Exception):
    pass


class Office:
    def __init__(self, soffice, workdir):
        self.soffice = soffice
        self.workdir = workdir
        self.proc = None
        self.desktop = None
        self.starts = 0

    def start(self):
        self.starts += 1
        profile = os.path.join(self.workdir, 'profile-%d' % self.starts)
        pipe = 'pejling-%d-%s' % (os.getpid(), secrets.token_hex(6))
        connect = 'pipe,name=%s;urp;StarOffice.ComponentContext' % pipe
        args = [self.soffice, '-env:UserInstallation=' + uno.systemPathToFileUrl(profile), '--headless', '--invisible',
                '--norestore', '--nologo', '--nolockcheck', '--nodefault', '--accept=' + connect]
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        deadline = time.monotonic() + 90
        while True:
            if self.proc.poll() is not None:
                raise Failure('LibreOffice exited during start (code %s)' % self.proc.returncode)
            try:
                context = resolver.resolve('uno:' + connect)
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise Failure('LibreOffice did not answer on its pipe within 90 s')
                time.sleep(0.05)
        self.desktop = context.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', context)
        # This same file, loaded into soffice as a UNO component: the table of contents is read and checked
        # there, without a round trip over the pipe per call (see TocCheck).
        self.check = None
        try:
            loader = context.ServiceManager.createInstanceWithContext('com.sun.star.loader.Python', context)
            factory = loader.activate('org.pejling.TocCheck', '', uno.systemPathToFileUrl(os.path.abspath(__file__)), None)
            self.check = factory.createInstanceWithContext(context)
        except Exception as error:
            sys.stderr.write('the table of contents is checked over the pipe: %s\n' % error)

    def alive(self):
        if self.proc is None or self.proc.poll() is not None or self.desktop is None:
            return False
        try:
            self.desktop.getFrames()
            return True
        except Exception:
            return False

    def survives(self, seconds):
        # A soffice killed while it stores the PDF can first answer with an I/O error of its own and only then
        # die: before such an error is taken for the document's, soffice is given a moment to show it is gone.
        deadline = time.time() + seconds
        while time.time() < deadline:
            if not self.alive():
                return False
            time.sleep(0.1)
        return self.alive()

    def ensure(self):
        if not self.alive():
            self.stop()
            self.start()

    def stop(self):
        proc = self.proc
        self.proc = None
        self.desktop = None
        if proc is None:
            return
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                proc.wait(timeout=10)
            except Exception:
                pass
        shutil.rmtree(os.path.join(self.workdir, 'profile-%d' % self.starts), ignore_errors=True)


def toc_entries(doc, cursor):
    """(paragraph, number written, page of its heading) per entry of the first table of contents."""
    indexes = doc.getDocumentIndexes()
    toc = None
    for i in range(indexes.getCount()):
        candidate = indexes.getByIndex(i)
        if candidate.supportsService('com.sun.star.text.ContentIndex'):
            toc = candidate
            break
    if toc is None:
        raise Failure('the document has no table of contents')
    bookmarks = doc.getBookmarks()
    entries = []
    paragraphs = toc.getAnchor().createEnumeration()
    while paragraphs.hasMoreElements():
        paragraph = paragraphs.nextElement()
        if not paragraph.supportsService('com.sun.star.text.Paragraph'):
            continue
        text = paragraph.getString()
        portions = paragraph.createEnumeration()
        link = portions.nextElement().HyperLinkURL if portions.hasMoreElements() else ''
        name = link[1:] if link.startswith('#') else ''
        if not name or not bookmarks.hasByName(name):
            continue
        written = text.rsplit('\t', 1)[-1] if '\t' in text else ''
        cursor.gotoRange(bookmarks.getByName(name).getAnchor().getStart(), False)
        entries.append((paragraph, written, cursor.getPage()))
    return entries


def rewrite(doc, entries):
    text = doc.getText()
    for paragraph, written, page in entries:
        if written == str(page):
            continue
        if not written.isdigit():
            raise Failure('a table of contents entry has no page number: %r' % paragraph.getString()[:80])
        span = text.createTextCursorByRange(paragraph.getEnd())
        span.goLeft(len(written), True)
        span.setString(str(page))


def check_toc(doc, max_passes):
    """Reads the entries; where a number is not its heading's page, writes the pages in and reads again."""
    cursor = doc.getCurrentController().getViewCursor()
    entries = toc_entries(doc, cursor)
    result = {'writtenPages': [int(w) if w.isdigit() else 0 for _, w, _ in entries], 'passes': 1,
              'agreedFirst': all(w == str(p) for _, w, p in entries)}
    while not all(w == str(p) for _, w, p in entries) and result['passes'] < max_passes:
        rewrite(doc, entries)
        entries = toc_entries(doc, cursor)
        result['passes'] += 1
    result['headingPages'] = [p for _, _, p in entries]
    result['verified'] = all(w == str(p) for _, w, p in entries)
    return result


class TocCheck(unohelper.Base, XJob):
    """check_toc inside soffice: the bridge passes the loaded document, and gets the answer as JSON."""

    def __init__(self, context):
        self.context = context

    def execute(self, args):
        values = {a.Name: a.Value for a in args}
        try:
            return json.dumps(check_toc(values['Document'], int(values.get('MaxPasses') or 3)))
        except Exception as error:
            return json.dumps({'error': str(error) or type(error).__name__})


g_ImplementationHelper = unohelper.ImplementationHelper()
g_ImplementationHelper.addImplementation(TocCheck, 'org.pejling.TocCheck', ('org.pejling.TocCheck',))


def layout(office, request, emit):
    office.ensure()
    started = time.monotonic()
    # A soffice killed with the document open leaves its lock file, and a hidden load of a locked
    # document gives no document at all.
    folder, name = os.path.split(request['input'])
    lock = os.path.join(folder, '.~lock.' + name + '#')
    if os.path.exists(lock):
        os.remove(lock)
    doc = office.desktop.loadComponentFromURL(uno.systemPathToFileUrl(request['input']), '_blank', 0,
                                              (prop('Hidden', True),))
    if doc is None:
        raise Failure('LibreOffice could not open the document')
    try:
        controller = doc.getCurrentController()
        result = {'passes': 0}
        if request.get('toc'):
            emit({'event': 'phase', 'phase': 'checking'})
            max_passes = max(1, int(request.get('maxPasses') or 3))
            if office.check is not None:
                args = (NamedValue('Document', doc), NamedValue('MaxPasses', max_passes))
                checked = json.loads(office.check.execute(args))
                if 'error' in checked:
                    raise Failure(checked['error'])
            else:
                checked = check_toc(doc, max_passes)
            result.update(checked)
            result['checkedInSoffice'] = office.check is not None
        result['pageCount'] = controller.PageCount
        result['layoutMs'] = round((time.monotonic() - started) * 1000)
        emit({'event': 'pages', 'result': result})
        if request.get('pdf'):
            emit({'event': 'phase', 'phase': 'writing-pdf'})
            pdf_started = time.monotonic()
            data = tuple(prop(k, v) for k, v in (request.get('filter') or {}).items())
            args = (prop('FilterName', 'writer_pdf_Export'),
                    prop('FilterData', uno.Any('[]com.sun.star.beans.PropertyValue', data)))
            # A soffice killed while it wrote this PDF (the conversion is then run once more) may have left a
            # part of it behind.
            pdf_folder, pdf_name = os.path.split(request['pdf'])
            for leftover in (request['pdf'], os.path.join(pdf_folder, '.~lock.' + pdf_name + '#')):
                if os.path.exists(leftover):
                    os.remove(leftover)
            uno.invoke(doc, 'storeToURL', (uno.systemPathToFileUrl(request['pdf']), args))
            result['pdfMs'] = round((time.monotonic() - pdf_started) * 1000)
        return result, doc
    except Exception:
        close(doc)
        raise


def close(doc):
    try:
        doc.close(True)
    except Exception:
        pass


def lost(error):
    name = type(error).__name__
    return 'DisposedException' in name or 'RuntimeException' in name


def watch_parent(office):
    # The parent gone (killed, so stdin may not close while a conversion runs): take soffice along.
    while True:
        time.sleep(1)
        if os.getppid() != PARENT:
            office.stop()
            os._exit(0)


def main():
    soffice, workdir = sys.argv[1], sys.argv[2]
    office = Office(soffice, workdir)
    try:
        office.start()
    except Exception as error:
        send({'event': 'failed', 'error': str(error)})
        office.stop()
        return
    threading.Thread(target=watch_parent, args=(office,), daemon=True).start()
    send({'event': 'ready', 'sofficePid': office.proc.pid})
    try:
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            request = json.loads(line)
            rid = request.get('id')
            if request.get('op') == 'quit':
                break
            def emit(message):
                message['id'] = rid
                send(message)
            opened = None
            try:
                if request.get('op') == 'layout':
                    restarts = 0
                    while True:
                        try:
                            result, opened = layout(office, request, emit)
                            break
                        except Exception as error:
                            # An I/O abort while storing is what a soffice being killed answers first; on a
                            # loaded machine its end can take seconds to show, so that error waits longer.
                            if not lost(error) and office.survives(5.0 if 'impl_store' in str(error) else 1.0):
                                raise
                            # soffice died under this conversion: start it again and convert once more (twice at
                            # most: the first conversion after a kill has been seen to fail writing the PDF).
                            if restarts == 2:
                                raise
                            restarts += 1
                            emit({'event': 'phase', 'phase': 'restarting'})
                            office.stop()
                elif request.get('op') == 'ping':
                    office.ensure()
                    result = {}
                else:
                    raise Failure('unknown op %r' % request.get('op'))
                send({'id': rid, 'ok': True, 'result': result, 'sofficePid': office.proc.pid if office.proc else None})
            except Exception as error:
                send({'id': rid, 'ok': False, 'error': str(error) or type(error).__name__,
                      'sofficePid': office.proc.pid if office.proc else None})
            # Closing a large document takes a second: after the answer, before the next request.
            if opened is not None:
                close(opened)
    finally:
        office.stop()


if __name__ == '__main__':
    main()
`;
