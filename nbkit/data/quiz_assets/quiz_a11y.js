// Front-end hook of one nbkit quiz item (the `QuizA11y` anywidget in nbkit/quiz/widgets.py).
// ipywidgets has no trait for ARIA roles, ids or live regions, so Python computes them (the `rules` trait:
// [{select, attrs}], ":scope" meaning the quiz box) and this hook sets them on the quiz box it sits in.
// It sets them again whenever the box's content changes: ipywidgets rebuilds radio options, shows the
// self-rating later and replaces the feedback's HTML. Hand-written because no library does this for ipywidgets.
//
// It also sends the answer the page shows just before a button of the box (the `buttons` trait) sends its click:
// ipywidgets holds back a control's state while an earlier update is in flight, but sends a button's click at
// once, so a quick Tab and Enter after a change reached the kernel before the change (ipywidgets issue #252).
// The snapshot goes first on the same comm, so the kernel checks what the learner sees.

// The state of one answer control as the page shows it: a radio set's chosen index (-1: none), a dropdown's
// index, a checkbox's tick, or a text's value.
function read(el) {
  const radios = el.querySelectorAll("input[type=radio]");
  if (radios.length) return [...radios].findIndex((r) => r.checked);
  const select = el.querySelector("select");
  if (select) return select.selectedIndex;
  const box = el.querySelector("input[type=checkbox]");
  if (box) return box.checked;
  const text = el.matches("input, textarea") ? el : el.querySelector("input, textarea");
  return text ? text.value : null;
}

function apply(root, rules) {
  for (const { select, attrs } of rules) {
    const targets = select === ":scope" ? [root] : root.querySelectorAll(select);
    for (const el of targets) {
      for (const [name, value] of Object.entries(attrs)) {
        if (el.getAttribute(name) !== value) el.setAttribute(name, value);
      }
    }
  }
}

function render({ model, el }) {
  let observer = null;
  let timer = null;
  let tries = 0;
  let clickRoot = null;
  const onClick = (event) => {
    const root = event.currentTarget;
    if (!model.get("buttons").some((sel) => event.target.closest(sel))) return;
    const values = model.get("inputs").map((cls) => {
      const el = root.querySelector(`.${cls}`);
      return el ? read(el) : null;
    });
    model.send({ event: "answers", values });
  };
  // The box attaches its children to the page after they render: wait (up to 30 s) for the box.
  const attach = () => {
    const root = el.closest(".nbkit-quiz");
    if (!root) {
      if (++tries < 600) timer = setTimeout(attach, 50);
      return;
    }
    const run = () => apply(root, model.get("rules"));
    run();
    root.addEventListener("click", onClick, true); // capture: before the button's own handler
    clickRoot = root;
    observer = new MutationObserver(run);
    observer.observe(root, { childList: true, subtree: true });
    model.on("change:rules", run);
  };
  attach();
  return () => {
    clearTimeout(timer);
    if (observer) observer.disconnect();
    if (clickRoot) clickRoot.removeEventListener("click", onClick, true);
  };
}

export default { render };
