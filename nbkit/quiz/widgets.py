"""Thin ipywidgets view of one quiz item; checking and feedback come from :mod:`nbkit.quiz.engine`.

Every widget carries deterministic CSS classes so browser tests can find it:
``nbkit-quiz-<notebook>-<item>`` on the box, and ``…-submit``, ``…-feedback``,
``…-rate``, ``…-show-answer`` on its parts. Feedback goes to an ``HTML`` widget, all bank
text escaped. Each submission is written to the progress store; retries are allowed and
the attempt number counts the learner's earlier submissions in the store.
"""

from __future__ import annotations

import html
import os

from . import engine
from .fallback import fallback_html, fallback_text

__all__ = ["QuizWidget", "QuizView", "ENV_INSTRUCTOR"]

#: Set to 1 to add a "Show answer" button to every quiz (teachers).
ENV_INSTRUCTOR = "NBKIT_INSTRUCTOR"

_BUTTON = {"poll": "Vote", "free_response": "Submit"}


def _instructor_mode() -> bool:
    return os.environ.get(ENV_INSTRUCTOR, "").strip().lower() in ("1", "true", "yes", "on")


class QuizWidget:
    """Widgets for one item. Parts: ``box`` (the whole view), ``inputs`` (the answer widgets),
    ``submit`` (Button), ``feedback`` (HTML); free responses add ``rating`` and ``rate``;
    instructor mode adds ``show_answer`` and ``answer``. ``store_path`` overrides the progress file.
    """

    def __init__(self, item, store_path=None, instructor: bool | None = None):
        import ipywidgets as w

        self.item, self.store_path = item, store_path
        self.last_result: engine.Result | None = None
        self.last_attempt = 0
        dom = item.dom_class
        e = html.escape
        self.prompt = w.HTML(f"<p><strong>{e(item.question)}</strong> <em>({e(engine.TYPE_LABELS[item.type])})</em></p>",
                             _dom_classes=[f"{dom}-prompt"])
        rows = self._build_inputs(w)
        self.submit = w.Button(description=_BUTTON.get(item.type, "Check answer"), button_style="primary",
                               _dom_classes=[f"{dom}-submit"])
        self.submit.on_click(self._on_submit)
        self.feedback = w.HTML("", _dom_classes=[f"{dom}-feedback"])
        children = [self.prompt, *rows, self.submit, self.feedback]
        if item.type == "free_response":
            self.rating = w.RadioButtons(options=list(engine.rating_scale(item)), value=None,
                                         description="Self-rating", _dom_classes=[f"{dom}-rating"],
                                         layout=w.Layout(display="none"))
            self.rate = w.Button(description="Save rating", _dom_classes=[f"{dom}-rate"],
                                 layout=w.Layout(display="none"))
            self.rate.on_click(self._on_rate)
            children += [self.rating, self.rate]
        if instructor if instructor is not None else _instructor_mode():
            self.show_answer = w.Button(description="Show answer", button_style="warning",
                                        _dom_classes=[f"{dom}-show-answer"])
            self.answer = w.HTML("", _dom_classes=[f"{dom}-answer"])
            self.show_answer.on_click(self._on_show_answer)
            children += [self.show_answer, self.answer]
        self.box = w.VBox(children, _dom_classes=["nbkit-quiz", dom])

    # -- inputs ------------------------------------------------------------------------------
    def _build_inputs(self, w) -> list:
        item, d = self.item, self.item.data
        kind, e = item.type, html.escape
        wide = w.Layout(width="auto")
        if kind in ("multiple_choice", "true_false", "poll"):
            self.inputs = w.RadioButtons(options=[(a["answer"], i) for i, a in enumerate(d["answers"])], value=None,
                                         layout=wide)
            return [self.inputs]
        if kind == "many_choice":
            self.inputs = [w.Checkbox(value=False, description=a["answer"], indent=False, layout=wide)
                           for a in d["answers"]]
            return list(self.inputs)
        if kind == "string":
            self.inputs = w.Text(value="", placeholder="Type your answer", layout=w.Layout(width="24em"))
            return [self.inputs]
        if kind == "free_response":
            self.inputs = w.Textarea(value="", placeholder="Write your answer", layout=w.Layout(width="100%", height="8em"))
            return [self.inputs]
        if kind == "ordering":
            choices = [("(choose)", None)] + [(x, x) for x in engine.display_order(item)]
            self.inputs = [w.Dropdown(options=choices, value=None, description=f"Position {i}",
                                      layout=w.Layout(width="auto"))
                           for i in range(1, len(d["answers"]) + 1)]
            return list(self.inputs)
        if kind == "match":
            choices = [("(choose)", None)] + [(x, x) for x in sorted(d["options"])]
            self.inputs = {p["label"]: w.Dropdown(options=choices, value=None, layout=w.Layout(width="auto"))
                           for p in d["pairs"]}
            return [w.HBox([w.HTML(f"{e(label)}&nbsp;&rarr;&nbsp;"), dd]) for label, dd in self.inputs.items()]
        raise ValueError(f"unknown item type {kind!r}")

    def response(self):
        """The current response in the shape :func:`nbkit.quiz.engine.check` expects."""
        kind = self.item.type
        if kind == "many_choice":
            return [i for i, cb in enumerate(self.inputs) if cb.value]
        if kind == "ordering":
            return [dd.value for dd in self.inputs]
        if kind == "match":
            return {label: dd.value for label, dd in self.inputs.items()}
        return self.inputs.value

    # -- actions -----------------------------------------------------------------------------
    def _store(self):
        from ..progress.store import ProgressStore

        return ProgressStore(self.store_path)

    def _save(self, answer: str, correct, attempt: int) -> list[str]:
        from ..errors import ProgressStoreError
        from ..progress.store import record_answer

        try:
            record_answer(self.item.notebook, self.item.id, answer, correct, attempt, path=self.store_path)
        except ProgressStoreError as exc:
            return [f"Your answer could not be saved: {exc.reason}"]
        return []

    def _on_submit(self, _button=None) -> None:
        from ..progress.store import learner_name

        item = self.item
        result = engine.check(item, self.response())
        self.last_result = result
        if result.status == "incomplete":
            self.feedback.value = engine.feedback_html(item, result, 0)
            return
        attempt = self._store().last_attempt(learner_name(), item.notebook, item.id) + 1
        extra = self._save(result.answer, result.correct, attempt)
        if item.type == "poll":
            from .class_results import poll_lines

            extra = poll_lines(item) + extra
        self.last_attempt = attempt
        self.feedback.value = engine.feedback_html(item, result, attempt, extra)
        if item.type == "free_response":
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
        self.answer.value = (f'<p class="nbkit-answer"><strong>Answer:</strong> '
                             f"{html.escape(engine.correct_answer_text(self.item))}</p>")


class QuizView:
    """What ``nbkit.quiz.show`` displays: the live widget, plus a text and HTML version
    (question and options, no answers) for pages with no kernel."""

    def __init__(self, item, store_path=None, instructor: bool | None = None):
        self.item = item
        self.widget = QuizWidget(item, store_path, instructor)

    def __repr__(self) -> str:
        return fallback_text(self.item)

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = dict(self.widget.box._repr_mimebundle_() or {})
        bundle["text/plain"] = fallback_text(self.item)
        bundle["text/html"] = fallback_html(self.item)
        return bundle
