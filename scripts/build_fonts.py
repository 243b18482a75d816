"""The site's typeface, self-hosted: Gentium Book Plus (SIL, OFL 1.1), cut to what the
pages write and renamed, as static/fonts/*.woff2.

Gentium Book Plus is a book face made for many scripts: Latin with Turkish, Cyrillic,
the typographic quotes and dashes the three languages use. The full fonts are about
320 kB each; cut to Latin-1, Latin Extended-A, Cyrillic and general punctuation they are
about a fifth of that. The licence reserves the name "Gentium" for the unmodified fonts,
so the cut is named "Bilateral Book" (static/fonts/OFL.txt says where it comes from).

Run once after a change, with Debian's packages (no download):
    apt-get install fonts-sil-gentiumplus python3-fonttools python3-brotli
    python3 scripts/build_fonts.py
"""

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/truetype/gentiumplus")
LICENCE = Path("/usr/share/doc/fonts-sil-gentiumplus/copyright")
OUT = Path(__file__).resolve().parent.parent / "static" / "fonts"
FAMILY = "Bilateral Book"
STYLES = {"Regular": "regular", "Bold": "bold", "Italic": "italic"}
# Latin-1 and Latin Extended-A (Turkish ğ ı İ ş), Cyrillic, combining acute (Russian
# stress), general punctuation (– — ‘ ’ “ ” „ …), №, the euro and the arrows.
UNICODES = "U+0000-017F,U+0300-0301,U+0400-04FF,U+2000-206F,U+20AC,U+2116,U+2190-2193,U+2212"


def build(style, suffix):
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "locl", "mark", "mkmk", "case", "onum", "lnum"]
    options.name_IDs = ["*"]
    font = TTFont(SOURCE / f"GentiumBookPlus-{style}.ttf")
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    name = font["name"]
    for record in list(name.names):
        if record.nameID in (1, 4, 6, 16, 3):
            text = record.toUnicode()
            for old in ("Gentium Book Plus", "GentiumBookPlus"):
                text = text.replace(old, FAMILY if " " in old else FAMILY.replace(" ", ""))
            record.string = text
    target = OUT / f"bilateral-book-{suffix}.woff2"
    font.flavor = "woff2"
    font.save(target)
    return target


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for style, suffix in STYLES.items():
        target = build(style, suffix)
        print(target.relative_to(OUT.parent.parent), target.stat().st_size)
    (OUT / "OFL.txt").write_text(
        "static/fonts/bilateral-book-*.woff2: Gentium Book Plus by SIL International\n"
        "(Debian package fonts-sil-gentiumplus), cut to Latin, Cyrillic and punctuation and\n"
        f'renamed "{FAMILY}" by scripts/build_fonts.py, as the licence asks of a modified\n'
        'version (the names "Gentium" and "SIL" are reserved).\n\n' + LICENCE.read_text()
    )


if __name__ == "__main__":
    main()
