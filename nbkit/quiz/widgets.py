"""Thin ipywidgets view of one quiz item; each item type (:mod:`nbkit.quiz.types`) builds and reads its inputs.

Every widget carries deterministic CSS classes so browser tests can find it:
``nbkit-quiz-<notebook>-<item>`` on the box, and ``…-submit``, ``…-feedback``,
``…-rate``, ``…-show-answer`` on its parts. Feedback goes to an ``HTML`` widget, rendered
from templates that escape all bank text. Each submission is written to the progress store;
retries are allowed and the attempt number counts the learner's earlier submissions in the store.
Class results (a frame from :func:`nbkit.quiz.load_class_results`) are passed in, never read from
a global: polls then show the class's votes.

Accessibility: every input has a name (a ``<label>`` around it or tied to it, or the question), each option set
is a group named by the question, the feedback is a polite live region, and JupyterLab's shortcuts are off
on the box's controls (``data-lm-suppress-shortcuts``) so arrow keys change the answer. What ipywidgets cannot state
is set in the page by a small front-end hook (:class:`QuizA11y`, nbkit/data/quiz_assets/quiz_a11y.js)
from the rules :meth:`QuizWidget.aria_rules` lists. After "Check answer", focus stays on the button (the live
region reads the feedback) and Tab leads into the feedback ("Show me in the text"), then on.

The same hook sends the answer as the page shows it just before a button's click (:meth:`QuizWidget._on_page_state`):
ipywidgets holds back a control's update while another is in flight but sends a click at once, so a quick
change-Tab-Enter was checked against the answer before the change.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from functools import cache

from . import engine
from .fallback import fallback_html, fallback_text
from .templates import render
from .types import item_type
from .types.base import aria_rule, radio_rules

__all__ = ["QuizWidget", "QuizView", "QuizA11y", "FRONT_END", "CONTROLS"]

#: Every element of a quiz box that takes focus. JupyterLab (Lumino) skips its shortcuts for a key pressed on an
#: element with ``data-lm-suppress-shortcuts``: it stops looking at that element, but a binding whose selector ends
#: in ``:focus`` (ArrowDown: next cell) already matches the focused element itself, so the attribute goes on each
#: control, not only on the box (Lumino's CommandRegistry, JupyterLab 4.6: the target is tested first).
CONTROLS = "input, select, textarea, button, summary"

#: The front-end hook's ES module (read when the first quiz is shown, never at import).
FRONT_END = "quiz_assets/quiz_a11y.js"


@cache
def _a11y_class():
    import anywidget
    import traitlets

    from ..resources import data_file

    class _QuizA11y(anywidget.AnyWidget):
        """Invisible widget in a quiz box whose front end sets the ``rules`` (see :func:`aria_rule`) in the page."""

        _esm = data_file(FRONT_END).read_text(encoding="utf-8")
        _css = data_file(FRONT_END.replace(".js", ".css")).read_text(encoding="utf-8")
        rules = traitlets.List(traitlets.Dict()).tag(sync=True)
        #: CSS classes of the answer controls, and selectors of the buttons whose click sends their page state
        inputs = traitlets.List(traitlets.Unicode()).tag(sync=True)
        buttons = traitlets.List(traitlets.Unicode()).tag(sync=True)

    return _QuizA11y


def QuizA11y(rules: list[dict], inputs: Sequence[str] = (), buttons: Sequence[str] = ()):
    """The front-end hook of one quiz box, setting ``rules`` (anywidget is imported on first use); a click on one
    of ``buttons`` first sends the page state of the controls with the CSS classes ``inputs``."""
    import ipywidgets as w

    return _a11y_class()(rules=rules, inputs=list(inputs), buttons=list(buttons), layout=w.Layout(display="none"))


def set_from_page(widget, value) -> None:
    """Give an answer control the state the page shows (what the front-end hook's ``read`` sends)."""
    import ipywidgets as w

    if isinstance(widget, (w.RadioButtons, w.Dropdown)):
        index = value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None
        if index is None or index < len(widget.options):
            widget.index = index
    elif isinstance(widget, w.Checkbox):
        widget.value = bool(value)
    elif isinstance(value, str):
        widget.value = value


class QuizWidget:
    """Widgets for one item. Parts: ``box`` (the whole view), ``inputs`` (the answer widgets),
    ``submit`` (Button), ``feedback`` (HTML); free responses add ``rating`` and ``rate``;
    instructor mode adds ``show_answer`` and ``answer``. ``store_path`` overrides the progress file;
    ``instructor`` overrides ``NBKIT_INSTRUCTOR``; ``class_results`` is a class's progress frame, or None.
    """

    def __init__(self, item, store_path=None, instructor: bool | None = None, class_results=None):
        import ipywidgets as w

        from ..config import settings

        self.item, self.store_path, self.class_results = item, store_path, class_results
        self.kind = item_type(item.type)
        self.last_result: engine.Result | None = None
        self.last_attempt = 0
        dom = item.dom_class
        # ids of the question's and the self-rating's label elements, unique per box (an item may be shown twice)
        uid = secrets.token_hex(4)
        self.prompt_id, self.rating_id = f"{dom}-{uid}-prompt", f"{dom}-{uid}-rating"
        self.prompt = w.HTML(
            render("quiz/prompt.html.j2", question=item.question, label=self.kind.label), _dom_classes=[f"{dom}-prompt"]
        )
        self.inputs, rows = self.kind.widgets(item)
        self.submit = w.Button(description=self.kind.button, button_style="primary", _dom_classes=[f"{dom}-submit"])
        self.submit.on_click(self._on_submit)
        self.feedback = w.HTML("", _dom_classes=[f"{dom}-feedback"])
        children = [self.prompt, *rows, self.submit, self.feedback]
        if self.kind.self_rated:
            self.rating = w.RadioButtons(
                options=list(engine.rating_scale(item)),
                value=None,
                description="Self-rating",
                _dom_classes=[f"{dom}-rating"],
                layout=w.Layout(display="none"),
            )
            self.rate = w.Button(
                description="Save rating", _dom_classes=[f"{dom}-rate"], layout=w.Layout(display="none")
            )
            self.rate.on_click(self._on_rate)
            children += [self.rating, self.rate]
        if instructor if instructor is not None else settings().instructor:
            self.show_answer = w.Button(
                description="Show answer", button_style="warning", _dom_classes=[f"{dom}-show-answer"]
            )
            self.answer = w.HTML("", _dom_classes=[f"{dom}-answer"])
            self.show_answer.on_click(self._on_show_answer)
            children += [self.show_answer, self.answer]
        inputs = self.inputs
        answer_controls = list(
            inputs.values() if isinstance(inputs, dict) else inputs if isinstance(inputs, list) else [inputs]
        )
        if self.kind.self_rated:
            answer_controls.append(self.rating)
        self._page_controls = {f"{dom}-{uid}-answer-{i}": c for i, c in enumerate(answer_controls)}
        for cls, control in self._page_controls.items():
            control.add_class(cls)
        buttons = [f".{dom}-submit", f".{dom}-rate"] if self.kind.self_rated else [f".{dom}-submit"]
        self.a11y = QuizA11y(self.aria_rules(), inputs=list(self._page_controls), buttons=buttons)
        self.a11y.on_msg(self._on_page_state)
        self.box = w.VBox([*children, self.a11y], _dom_classes=["nbkit-quiz", dom])

    def aria_rules(self) -> list[dict]:
        """What the front-end hook sets in the page: shortcuts off on its controls, the question's id, the type's
        group labels and input names, the button described by the question, the feedback as a live region."""
        dom, pid = self.item.dom_class, self.prompt_id
        rules = [
            aria_rule(CONTROLS, data_lm_suppress_shortcuts="true"),
            aria_rule(f".{dom}-prompt", id=pid),
            *self.kind.aria_rules(self.item, pid),
            aria_rule(f".{dom}-submit", aria_describedby=pid),
            aria_rule(f".{dom}-feedback", role="status", aria_live="polite", aria_atomic="true"),
        ]
        if self.kind.self_rated:
            rules += [
                aria_rule(f".{dom}-rating > .widget-label", id=self.rating_id),
                *radio_rules(f".{dom}-rating", self.rating_id, self.rating_id + "-options"),
            ]
        return rules

    def _on_page_state(self, _widget, content, _buffers=None) -> None:
        """The answer as the page showed it when a button was pressed (sent just before the click)."""
        values = content.get("values") if isinstance(content, dict) and content.get("event") == "answers" else None
        if isinstance(values, list) and len(values) == len(self._page_controls):
            for control, value in zip(self._page_controls.values(), values):
                set_from_page(control, value)

    def response(self):
        """The current response in the shape :func:`nbkit.quiz.engine.check` expects."""
        return self.kind.response(self.inputs)

    # -- actions -----------------------------------------------------------------------------
    def _save(self, answer: str, correct, attempt: int) -> list[str]:
        from ..errors import ProgressStoreError
        from ..progress.store import record_answer

        try:
            record_answer(self.item.notebook, self.item.id, answer, correct, attempt, path=self.store_path)
        except ProgressStoreError as exc:
            return [f"Your answer could not be saved: {exc.reason}"]
        return []

    def _on_submit(self, _button=None) -> None:
        from ..progress.store import ProgressStore, learner_name

        item = self.item
        result = self.kind.check(item, self.response())
        self.last_result = result
        if result.status == "incomplete":
            self.feedback.value = engine.feedback_html(item, result, 0)
            return
        attempt = ProgressStore(self.store_path).last_attempt(learner_name(), item.notebook, item.id) + 1
        extra = self.kind.class_lines(item, self.class_results) + self._save(result.answer, result.correct, attempt)
        self.last_attempt = attempt
        self.feedback.value = engine.feedback_html(item, result, attempt, extra)
        if self.kind.self_rated:
            self.rating.layout.display = None
            self.rate.layout.display = None

    def _on_rate(self, _button=None) -> None:
        result = self.last_result
        if result is None or result.status != "saved":
            return
        if self.rating.value is None:
            extra = ["Choose a self-rating first."]
        else:
            extra = [f"Your self-rating: {self.rating.value}."]
            extra += self._save(f"{result.answer} [self-rating: {self.rating.value}]", None, self.last_attempt)
        self.feedback.value = engine.feedback_html(self.item, result, self.last_attempt, extra)

    def _on_show_answer(self, _button=None) -> None:
        self.answer.value = render("quiz/answer.html.j2", answer=self.kind.correct_answer(self.item))


class QuizView:
    """What ``nbkit.quiz.show`` displays: the live widget, plus a text and HTML version
    (question and options, no answers) for pages with no kernel."""

    def __init__(self, item, store_path=None, instructor: bool | None = None, class_results=None):
        self.item = item
        self.widget = QuizWidget(item, store_path, instructor, class_results)

    def __repr__(self) -> str:
        return fallback_text(self.item)

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = dict(self.widget.box._repr_mimebundle_() or {})
        bundle["text/plain"] = fallback_text(self.item)
        bundle["text/html"] = fallback_html(self.item)
        return bundle
