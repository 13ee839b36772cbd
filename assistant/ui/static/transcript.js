// The conversation (a gr.HTML; `element`, `trigger` and `watch` come from Gradio's js_on_load).
// Clicks become events for the server: [n] and source chips → select, options → option_select, thumbs → like.
// Copy is handled here: the clean text is in the button's data-copy, written by the server.
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (_) {
    // no Clipboard API (a page served over plain http on the LAN): the old way
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch (_) { ok = false; }
    area.remove();
    return ok;
  }
}

element.addEventListener('click', async (event) => {
  const button = event.target.closest('button');
  if (!button || !element.contains(button)) return;
  const turn = Number(button.dataset.turn);
  if (button.classList.contains('cite') || button.classList.contains('chip')) {
    if (button.dataset.n) trigger('select', {turn: turn, n: Number(button.dataset.n)});
  } else if (button.classList.contains('opt')) {
    trigger('option_select', {value: button.dataset.ask || ''});
  } else if (button.classList.contains('thumb')) {
    trigger('like', {turn: turn, rating: button.dataset.rating});
  } else if (button.classList.contains('copy')) {
    const ok = await copyText(button.dataset.copy || '');
    button.classList.add(ok ? 'copied' : 'copy-failed');
    const status = element.querySelector('.copy-status');
    if (status) status.textContent = ok ? '已复制回答和出处 · Copied' : '复制失败 · Copy failed';
    setTimeout(() => button.classList.remove('copied', 'copy-failed'), 1600);
  }
});

// A new question goes to the top of the conversation box, so that its answer is read first (not the bottom of
// the previous one). A spacer below the last turn (a CSS variable on this component's root, which Gradio's
// re-rendering leaves alone) makes room to scroll that far before the answer has grown.
let focused = '';
function fit() {
  const log = element.querySelector('.transcript');
  if (!log) return;
  const focus = log.dataset.focus || '';
  const turn = focus && element.querySelector('#turn-' + focus);
  const style = getComputedStyle(log);
  const boxed = style.overflowY === 'auto' || style.overflowY === 'scroll';
  if (!turn || !boxed) {
    element.style.setProperty('--sc-spacer', '0px');
  } else {
    const spacer = parseFloat(getComputedStyle(element).getPropertyValue('--sc-spacer')) || 0;
    const below = log.scrollHeight - spacer - turn.offsetTop;
    element.style.setProperty('--sc-spacer', Math.max(0, log.clientHeight - below - 4) + 'px');
  }
  if (focus === focused) return;
  focused = focus;
  if (!turn) return;
  if (boxed) {
    log.scrollTop = Math.max(0, turn.offsetTop - 8);
  } else {
    const top = turn.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight * 0.5) turn.scrollIntoView({block: 'start'});
  }
}
watch('value', fit);
