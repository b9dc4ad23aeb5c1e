"""A whole class on one JupyterHub: the roster, one system user per learner, the hub's config and state.

``nbkit class serve|link|status|collect|stop`` (:mod:`nbkit.commands.class_cmd`) drives these modules;
docs/classroom.md walks through them. Everything here runs as root on the teacher's machine.
"""
