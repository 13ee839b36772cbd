// The line under the question box: after a problem (or a question sent with the button) the cursor goes back to
// the box, so the next question can be typed at once.
let seen = '';
watch('value', () => {
  const line = element.querySelector('.status-line');
  const flag = line ? line.dataset.refocus || '' : '';
  if (!flag || flag === seen) return;
  seen = flag;
  const box = document.querySelector('#question textarea');
  if (box && document.activeElement !== box) box.focus({preventScroll: true});
});
