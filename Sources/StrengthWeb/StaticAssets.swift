import Hummingbird

/// The desk's stylesheet and script, compiled in: nothing is read from disk for a request.
enum StaticAssets {
    static func add(to router: Router<DeskContext>) {
        router.get("/static/desk.css") { _, _ in asset(css, type: "text/css; charset=utf-8") }
        router.get("/static/desk.js") { _, _ in asset(script, type: "text/javascript; charset=utf-8") }
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static let css = """
        nav.desk { display: flex; gap: 1.2em; align-items: baseline; padding: .6em 1.2em; background: #1c2b39;
          color: #fff; font-family: system-ui, sans-serif; }
        nav.desk a { color: #cfe3ff; text-decoration: none; }
        nav.desk a[aria-current] { color: #fff; border-bottom: 2px solid #74c0fc; }
        .desk-top { max-width: 190mm; margin: 0 auto; padding: 4mm 10mm 0; }
        .desk-actions { display: flex; flex-wrap: wrap; gap: .6em; margin: .8em 0; }
        .desk-actions a, button { border: 1px solid #1c7ed6; border-radius: 4px; padding: .3em .8em; color: #1c7ed6;
          background: #fff; text-decoration: none; font: inherit; cursor: pointer; }
        button.primary { background: #1c7ed6; color: #fff; }
        form.filters, form.details, div.options { display: flex; flex-wrap: wrap; gap: .8em; align-items: end; margin: .8em 0; }
        form label { display: flex; flex-direction: column; font-size: 9pt; color: #495057; }
        .drop { border: 2px dashed #adb5bd; border-radius: 8px; padding: 2em; text-align: center; margin: 1em 0; }
        .drop.over { border-color: #1c7ed6; background: #e7f5ff; }
        table.preview td, table.preview th { text-align: left; }
        ul.diagnostics { font-family: ui-monospace, monospace; font-size: 9pt; }
        .error { color: #c92a2a; }
        details.edit { margin: 1em 0; }
        pre.profile { white-space: pre-wrap; font-size: 9pt; }
        nav.desk form.logout { margin-left: auto; }
        nav.desk form.logout button { color: #fff; border-color: #74c0fc; background: transparent; }
        @media print { nav.desk, .desk-actions, details.edit, form.filters { display: none; } }
        """

    /// Dropping files on the page fills the form's file field and shows their names (without the
    /// script the field works as it is); the print button prints.
    static let script = """
        document.addEventListener('DOMContentLoaded', () => {
          document.querySelectorAll('[data-print]').forEach(link => link.addEventListener('click', event => {
            event.preventDefault();
            window.print();
          }));
          const zone = document.querySelector('.drop');
          const input = document.querySelector('input[type=file]');
          const names = document.querySelector('.drop .names');
          if (!zone || !input) return;
          const show = () => { names.textContent = Array.from(input.files).map(f => f.name).join(', '); };
          input.addEventListener('change', show);
          zone.addEventListener('dragover', event => { event.preventDefault(); zone.classList.add('over'); });
          zone.addEventListener('dragleave', () => zone.classList.remove('over'));
          zone.addEventListener('drop', event => {
            event.preventDefault();
            zone.classList.remove('over');
            input.files = event.dataTransfer.files;
            show();
          });
        });
        """
}
