"""Thin ipywidgets view of one quiz item; each item type (:mod:`nbkit.quiz.types`) builds and reads its inputs.

Every widget carries deterministic CSS classes so browser tests can find it:
``nbkit-quiz-<notebook>-<item>`` on the box, and ``…-submit``, ``…-feedback``,
``…-rate``, ``…-show-answer`` on its parts. Feedback goes to an ``HTML`` widget, rendered
from templates that escape all bank text. Each submission is written to the progress store;
retries are allowed and the attempt number counts the learner's earlier submissions in the store.
Class results (a frame from :func:`nbkit.quiz.load_class_results`) are passed in, never read from
a global: polls then show the class's votes.
"""

from __future__ import annotations

from . import engine
from .fallback import fallback_html, fallback_text
from .templates import render
from .types import item_type

__all__ = ["QuizWidget", "QuizView"]


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
        self.box = w.VBox(children, _dom_classes=["nbkit-quiz", dom])

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
