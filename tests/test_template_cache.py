from jinja2 import ChoiceLoader, Environment, FileSystemLoader

from wayout.template_cache import OwnTemplatesCache


def environment(ours, theirs, cache) -> Environment:
    env = Environment(loader=ChoiceLoader([FileSystemLoader(ours), FileSystemLoader(theirs)]))
    env.bytecode_cache = cache
    compiled = []
    original = env.compile

    def counting_compile(source, name=None, filename=None, *args, **kwargs):
        compiled.append(name)
        return original(source, name, filename, *args, **kwargs)

    env.compile = counting_compile
    env.compiled = compiled
    return env


def site(tmp_path):
    ours, theirs = tmp_path / "overrides", tmp_path / "theme"
    ours.mkdir(), theirs.mkdir()
    (ours / "mine.html").write_text("mine {{ value }}")
    (theirs / "base.html").write_text("base {{ value }}")
    return ours, theirs


def test_our_templates_compile_once_across_environments(tmp_path):
    ours, theirs = site(tmp_path)
    cache = OwnTemplatesCache([ours])
    first, second = environment(ours, theirs, cache), environment(ours, theirs, cache)
    assert first.get_template("mine.html").render(value=1) == "mine 1"
    assert second.get_template("mine.html").render(value=2) == "mine 2"
    assert first.compiled == ["mine.html"] and second.compiled == []


def test_the_themes_own_templates_compile_in_every_environment(tmp_path):
    ours, theirs = site(tmp_path)
    cache = OwnTemplatesCache([ours])
    first, second = environment(ours, theirs, cache), environment(ours, theirs, cache)
    for env in (first, second):
        assert env.get_template("base.html").render(value=3) == "base 3"
        assert env.compiled == ["base.html"]


def test_an_edited_template_is_compiled_again(tmp_path):
    ours, theirs = site(tmp_path)
    cache = OwnTemplatesCache([ours])
    environment(ours, theirs, cache).get_template("mine.html")
    (ours / "mine.html").write_text("edited {{ value }}")
    edited = environment(ours, theirs, cache)
    assert edited.get_template("mine.html").render(value=4) == "edited 4"
    assert edited.compiled == ["mine.html"]
