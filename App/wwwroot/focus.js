// The heading of a page just opened gets the focus, so that a screen reader reads where the person is
// (FocusHeadingOnNavigate) — unless a field has it: the person clicked into it and is typing before the page finished
// loading over a slow link. A page that is still loading its data gets its heading focused when the heading comes,
// unless the person has put the focus somewhere meanwhile.
window.hoctap = window.hoctap || {};
window.hoctap.focusHeading = function (selector) {
    var typing = function () {
        var active = document.activeElement;
        return !!active && (active.tagName === 'INPUT' || active.tagName === 'TEXTAREA' || active.tagName === 'SELECT' || active.isContentEditable);
    };
    var focus = function (heading) {
        if (typing()) return;
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
    };
    var heading = document.querySelector(selector);
    if (heading) { focus(heading); return; }
    var before = document.activeElement;
    var observer = new MutationObserver(function () {
        var found = document.querySelector(selector);
        if (!found) return;
        stop();
        if (document.activeElement === before || document.activeElement === document.body) focus(found);
    });
    var timer = setTimeout(function () { stop(); }, 10000);
    var stop = function () { observer.disconnect(); clearTimeout(timer); };
    observer.observe(document.body, { childList: true, subtree: true });
};
