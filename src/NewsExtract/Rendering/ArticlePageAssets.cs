using System.Security.Cryptography;
using System.Text;

namespace NewsExtract.Rendering;

/// <summary>
/// The fixed style sheet and script of an article page, and the Content-Security-Policy that allows
/// exactly these two (by hash) and nothing else: no network, no other script or style, even if markup
/// ever slipped through the encoding.
/// </summary>
/// <remarks>
/// Both are ASCII and contain no article data, so their hashes are constants of the build. Colours
/// meet WCAG AA (checked by a test): body text on every highlight is above 12:1, white label text on
/// its colour above 6.5:1, muted grey 7:1 on white and above 5.6:1 on highlights.
/// </remarks>
internal static class ArticlePageAssets
{
    /// <summary>The page's style sheet.</summary>
    public const string Css = """
        :root{color-scheme:light;--fg:#1b1b1b;--muted:#595959;--line:#d4d4d4;--bg:#fff;--panel:#f5f5f2;
        --per:#8a4b00;--per-bg:#ffe3bd;--org:#1f4fa8;--org-bg:#dde7ff;--loc:#1d6b34;--loc-bg:#d6f2dd;
        --q:#5b2d8e;--q-bg:#f1e9fa;--none:#595959}
        *{box-sizing:border-box}
        body{margin:0;color:var(--fg);background:var(--bg);font:17px/1.65 Georgia,"Times New Roman",serif}
        .top{padding:10px 20px;border-bottom:1px solid var(--line);font:14px/1.5 system-ui,sans-serif}
        .top .brand{font-weight:700;margin-right:12px}
        .top .stats{color:var(--fg)}
        .legend{display:flex;flex-wrap:wrap;gap:6px 14px;margin-top:6px;color:var(--muted);font-size:13px}
        .layout{display:grid;grid-template-columns:minmax(0,1fr) 380px;max-width:1320px;margin:0 auto}
        main{padding:6px 30px 48px;overflow-wrap:anywhere}
        aside{background:var(--panel);border-left:1px solid var(--line);padding:4px 16px 40px;
        font:14px/1.45 system-ui,sans-serif;position:sticky;top:0;max-height:100vh;overflow:auto}
        @media (max-width:860px){body{font-size:16px}.layout{grid-template-columns:minmax(0,1fr)}
        main{padding:4px 14px 24px}aside{position:static;max-height:none;border-left:0;border-top:1px solid var(--line)}}
        .blk{margin:0 0 .9em}
        h1.blk{font-size:1.75em;line-height:1.25;margin:.5em 0 .6em}
        .muted{color:var(--muted)}
        h2.blk{font-size:1.05em;font-variant:small-caps;letter-spacing:.03em;margin:1.2em 0 .5em}
        .k-boiler,.k-title-rep{font-size:.85em}
        .k-gap{white-space:pre-wrap}
        .k-heading::before,.k-boiler::before,.k-title-rep::before{font:600 10px/1 system-ui,sans-serif;
        text-transform:uppercase;letter-spacing:.05em;border:1px solid var(--muted);border-radius:2px;
        padding:2px 4px;margin-right:8px;vertical-align:2px;font-variant:normal}
        .k-heading::before{content:"Heading"}
        .k-boiler::before{content:"Boilerplate"}
        .k-title-rep::before{content:"Title again"}
        .t-per{--c:var(--per);--cb:var(--per-bg)}
        .t-org{--c:var(--org);--cb:var(--org-bg)}
        .t-loc{--c:var(--loc);--cb:var(--loc-bg)}
        .t-other{--c:var(--none);--cb:#ececec}
        mark.m{color:inherit;background:var(--cb);box-shadow:inset 0 -2px 0 var(--c);border-radius:3px;padding:0 2px;
        cursor:pointer}
        mark.m.hl{background:var(--c);color:#fff;box-shadow:none}
        mark.m.hl .lbl{background:#fff;color:var(--c)}
        .lbl{display:inline-block;font:700 10px/1 system-ui,sans-serif;letter-spacing:.04em;color:#fff;
        background:var(--c);border-radius:2px;padding:2px 3px;margin-left:4px;vertical-align:2px;
        unicode-bidi:isolate;text-indent:0;font-style:normal;font-variant:normal}
        .q{text-decoration-color:var(--q);text-underline-offset:4px;text-decoration-thickness:2px}
        .q-direct{background:var(--q-bg);text-decoration-line:underline;text-decoration-style:solid}
        .q-partial{background:var(--q-bg);text-decoration-line:underline;text-decoration-style:dotted}
        .q-indirect{text-decoration-line:underline;text-decoration-style:dashed;text-decoration-thickness:1.5px}
        .q.hlq{background:#e3d3f5}
        .spk{font-weight:700}
        .cue{font-style:italic}
        .badge{display:inline-block;font:600 11px/1.3 system-ui,sans-serif;color:#fff;background:var(--q);
        border-radius:9px;padding:1px 7px;margin:0 5px 0 2px;vertical-align:2px;text-decoration:none;
        white-space:nowrap;max-width:22em;overflow:hidden;text-overflow:ellipsis;unicode-bidi:isolate;font-style:normal}
        .badge.none{background:var(--none)}
        .legend .badge,.legend .lbl{margin:0 2px 0 0;vertical-align:1px}
        a.badge:hover,a.badge:focus-visible{text-decoration:underline}
        aside h2{font-size:15px;margin:16px 0 8px;text-transform:uppercase;letter-spacing:.05em}
        aside ul,aside ol{list-style:none;margin:0;padding:0}
        .ent{padding:6px 8px;border-bottom:1px solid var(--line);border-radius:4px}
        .ent.hl{background:#fff;box-shadow:0 0 0 2px var(--fg)}
        .ent:target{box-shadow:0 0 0 2px var(--q)}
        .ent-name{font:inherit;font-weight:700;color:inherit;background:none;border:0;padding:0;cursor:pointer;
        text-align:left}
        .ent-name .lbl{margin:0 6px 0 0}
        .ent-name[aria-pressed="true"]{text-decoration:underline;text-decoration-thickness:2px}
        .cnt{color:var(--muted);white-space:nowrap;margin-left:6px}
        .meta{color:var(--muted);font-size:13px}
        .grp{margin:0 0 12px}
        .grp h3{font-size:14px;margin:8px 0 4px}
        .grp h3 a{color:inherit}
        .grp li{margin:0 0 6px;padding-left:8px;border-left:3px solid var(--q)}
        .grp li.k-indirect{border-left-style:dashed}
        .grp li a{color:inherit;text-decoration:none}
        .grp li a:hover,.grp li a:focus-visible{text-decoration:underline}
        .kind{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:var(--q);margin-right:4px}
        .empty{color:var(--muted);font-style:italic}
        a:focus-visible,button:focus-visible,mark:focus-visible{outline:2px solid var(--fg);outline-offset:2px}
        """;

    /// <summary>
    /// The page's script: highlights every mention of the entity under the pointer, keyboard focus or
    /// selection; counts what was rendered into <c>#ne-status</c> (<c>data-mentions</c>, <c>data-quotes</c>,
    /// <c>data-badges</c>, <c>data-speaker-links</c>, <c>data-entities</c>, <c>data-ready</c>) and records
    /// script errors and policy violations in <c>data-errors</c>, so an automated browser check can read them.
    /// Opened with <c>#ne-selftest</c>, it also selects and hovers an entity and reports in <c>data-selftest</c>
    /// whether exactly that entity's mentions lit up.
    /// </summary>
    public const string Script = """
        (function () {
          'use strict';
          var errors = [];
          function status() { return document.getElementById('ne-status'); }
          function fail(message) {
            errors.push(String(message));
            var s = status();
            if (s) { s.setAttribute('data-errors', errors.join(' | ')); }
          }
          window.addEventListener('error', function (e) { fail(e.message || 'error'); });
          window.addEventListener('unhandledrejection', function (e) { fail('unhandled rejection: ' + e.reason); });
          document.addEventListener('securitypolicyviolation', function (e) { fail('blocked by policy: ' + e.violatedDirective); });
          function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
          function distinct(selector, attribute) {
            var seen = {}, n = 0;
            each(selector, function (el) { var k = el.getAttribute(attribute); if (!seen[k]) { seen[k] = true; n++; } });
            return n;
          }
          var shown = { hl: null, hlq: null };
          function highlight(cls, attribute, value) {
            if (value !== null && !/^[0-9]+$/.test(value)) { value = null; }
            if (shown[cls] === value) { return; }
            shown[cls] = value;
            each('.' + cls, function (el) { el.classList.remove(cls); });
            if (value !== null) { each('[' + attribute + '~="' + value + '"]', function (el) { el.classList.add(cls); }); }
          }
          function attributeOf(target, attribute) {
            var el = target && target.closest ? target.closest('[' + attribute + ']') : null;
            return el ? el.getAttribute(attribute) : null;
          }
          var locked = null;
          function point(e) {
            var entity = attributeOf(e.target, 'data-e');
            highlight('hl', 'data-e', entity !== null ? entity : locked);
            highlight('hlq', 'data-q', attributeOf(e.target, 'data-q'));
          }
          function select(entity) {
            locked = locked === entity ? null : entity;
            each('button[data-e]', function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-e') === locked)); });
            highlight('hl', 'data-e', locked);
          }
          document.addEventListener('mouseover', point);
          document.addEventListener('focusin', point);
          document.addEventListener('click', function (e) {
            var el = e.target && e.target.closest ? e.target.closest('button[data-e],mark[data-e]') : null;
            if (el) { select(el.getAttribute('data-e')); }
          });
          document.addEventListener('DOMContentLoaded', function () {
            var s = status();
            if (!s) { return; }
            s.setAttribute('data-mentions', String(distinct('mark.m[data-m]', 'data-m')));
            s.setAttribute('data-quotes', String(distinct('.q[data-q]', 'data-q')));
            s.setAttribute('data-badges', String(document.querySelectorAll('main .badge').length));
            s.setAttribute('data-speaker-links', String(document.querySelectorAll('main a.badge[href]').length));
            s.setAttribute('data-entities', String(document.querySelectorAll('aside .ent').length));
            if (location.hash === '#ne-selftest') { s.setAttribute('data-selftest', selfTest()); }
            if (errors.length) { s.setAttribute('data-errors', errors.join(' | ')); }
            s.setAttribute('data-ready', '1');
          });
          function selfTest() {
            function marks(entity) { return document.querySelectorAll('mark.m[data-e="' + entity + '"]').length; }
            function lit() { return document.querySelectorAll('mark.m.hl').length; }
            var button = document.querySelector('aside button[data-e]');
            var mark = document.querySelector('mark.m[data-e]');
            if (!button || !mark) { return 'ok nothing to select'; }
            var id = button.getAttribute('data-e');
            button.click();
            var selected = lit(), pressed = button.getAttribute('aria-pressed');
            button.click();
            var cleared = lit();
            mark.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
            var hovered = lit(), hoverId = mark.getAttribute('data-e');
            var ok = selected === marks(id) && pressed === 'true' && cleared === 0 && hovered === marks(hoverId);
            return (ok ? 'ok ' : 'fail ') + 'select ' + selected + '/' + marks(id) + ' pressed ' + pressed
              + ' cleared ' + cleared + ' hover ' + hovered + '/' + marks(hoverId);
          }
        })();
        """;

    /// <summary>The page's Content-Security-Policy: only this style sheet and this script, nothing fetched.</summary>
    public static readonly string ContentSecurityPolicy =
        "default-src 'none'; style-src '" + Hash(Css) + "'; script-src '" + Hash(Script)
        + "'; base-uri 'none'; form-action 'none'";

    private static string Hash(string asset) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(asset)));
}
