// Keyboard flow of the scoring page: Enter moves to the next criterion's input; Ctrl+Enter saves and opens the next
// subject of the list. Delegated on the document, so it survives Blazor re-rendering the page.
document.addEventListener('keydown', function (e) {
    var row = e.target && e.target.closest ? e.target.closest('.score-row') : null;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        var next = document.getElementById('save-next');
        if (next) { e.preventDefault(); if (document.activeElement) document.activeElement.blur(); setTimeout(function () { next.click(); }, 50); }
        return;
    }
    if (e.key !== 'Enter' || !row || e.target.tagName === 'TEXTAREA') return;
    e.preventDefault();
    var rows = Array.prototype.slice.call(document.querySelectorAll('.score-row'));
    var index = rows.indexOf(row);
    for (var i = index + 1; i < rows.length; i++) {
        var target = rows[i].querySelector('input:not([disabled]):not([readonly]), button.score-choice');
        if (target) { target.focus(); if (target.select) target.select(); return; }
    }
    var submit = document.getElementById('submit-evaluation');
    if (submit) submit.focus();
});
