// Front-end hook of one nbkit quiz item (the `QuizA11y` anywidget in nbkit/quiz/widgets.py).
// ipywidgets has no trait for ARIA roles, ids or live regions, so Python computes them (the `rules` trait:
// [{select, attrs}], ":scope" meaning the quiz box) and this hook sets them on the quiz box it sits in.
// It sets them again whenever the box's content changes: ipywidgets rebuilds radio options, shows the
// self-rating later and replaces the feedback's HTML. Hand-written because no library does this for ipywidgets.

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
  // The box attaches its children to the page after they render: wait (up to 30 s) for the box.
  const attach = () => {
    const root = el.closest(".nbkit-quiz");
    if (!root) {
      if (++tries < 600) timer = setTimeout(attach, 50);
      return;
    }
    const run = () => apply(root, model.get("rules"));
    run();
    observer = new MutationObserver(run);
    observer.observe(root, { childList: true, subtree: true });
    model.on("change:rules", run);
  };
  attach();
  return () => {
    clearTimeout(timer);
    if (observer) observer.disconnect();
  };
}

export default { render };
