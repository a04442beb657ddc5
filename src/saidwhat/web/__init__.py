"""saidwhat.web: the local web app (a page and a REST API) behind ``saidwhat serve``.

Needs the ``web`` extra (``pip install "saidwhat[web]"``). Build an app with
:func:`saidwhat.web.app.create_app`; the package itself imports nothing heavy.
"""
