// The whole plan (a gr.HTML): table-of-contents links and search results scroll to their section; when a source
// chip opened a place (data-focus), scroll to it once the tab is visible.
function go(id) {
  const target = id && element.querySelector('#' + CSS.escape(id));
  if (!target || !target.offsetParent) return false;  // not found, or its tab is still hidden
  const body = element.querySelector('.plan-body');
  if (body && getComputedStyle(body).overflowY === 'auto') {
    body.scrollTop = Math.max(0, target.offsetTop - 4);  // the text scrolls in its own box beside the contents
    const top = body.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight * 0.5) body.scrollIntoView({block: 'start'});
  } else {
    target.scrollIntoView({block: 'start'});
  }
  target.focus({preventScroll: true});
  return true;
}

element.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-target]');
  if (!link || !element.contains(link)) return;
  event.preventDefault();
  go(link.dataset.target);
});

let seen = '';
function follow() {
  const plan = element.querySelector('.plan');
  if (!plan) return;
  const focus = plan.dataset.focus || '';
  const hit = plan.dataset.firstHit || '';
  const key = focus + '|' + hit;
  if (key === seen) return;
  seen = key;
  let tries = 0;
  const attempt = () => {
    let done = false;
    if (focus) {
      done = go(focus.split(':')[0]);
    } else if (hit) {  // the first match, only where the text scrolls in its own box: never away from the search box
      const body = element.querySelector('.plan-body');
      const mark = element.querySelector('mark.hit');
      if (body && mark && mark.offsetParent) {
        if (getComputedStyle(body).overflowY === 'auto') body.scrollTop = Math.max(0, mark.offsetTop - body.clientHeight / 3);
        done = true;
      }
    } else {
      done = true;
    }
    if (!done && ++tries < 40) setTimeout(attempt, 50);
  };
  attempt();
}
watch('value', follow);
follow();  // the tab's content may be mounted only when the tab is first opened, already holding a place to go to
