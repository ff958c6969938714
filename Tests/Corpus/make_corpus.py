#!/usr/bin/env python3
"""Writes the malformed-input corpus: one file per case and cases.json with the outcome each must
have. The expectations are written here by hand, next to the input that causes them; the Swift test
(Tests/HQScreenCLITests/CorpusTests.swift) runs `hqscreen check --format json` on every case and
compares. Run from anywhere: python3 Tests/Corpus/make_corpus.py"""
import json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
H = "athlete,date,side,muscle,contraction,velocity,torque_nm"
G1 = "A1,2026-01-02,left,quadriceps,concentric,60,150.5"
G2 = "A1,2026-01-02,left,hamstrings,concentric,60,90"
IMPOSSIBLE = "is outside what any knee strength test produces"
cases = []


def case(name, content, exit, counts, diagnostics=(), args=(), compare=("error", "warning", "info"), extra=None):
    """counts: (read, imported, skipped, rejected); diagnostics: 'line:column: severity: message'."""
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    path = f"{len(cases) + 1:03d}-{name}.csv"
    with open(os.path.join(FILES, path), "wb") as f:
        f.write(data)
    entry = {"file": path, "args": list(args), "exit": exit, "counts": list(counts),
             "diagnostics": sorted(diagnostics), "compare": list(compare)}
    if extra:
        entry.update(extra)
    cases.append(entry)


def aux(name, text):
    with open(os.path.join(FILES, name), "w") as f:
        f.write(text)
    return "Tests/Corpus/files/" + name


def long_row_case(name, bad_row, diagnostic, header=H, rows=(G1, G2), exit=1, counts=(3, 2, 0, 1), **kw):
    case(name, "\n".join([header, *rows, bad_row]) + "\n", exit, counts, [diagnostic] if diagnostic else [], **kw)


def impossible(value_text, unit, low, high, symbol):
    return f"value {value_text} {unit} {IMPOSSIBLE} ({low}–{high} {symbol}); check the unit, the decimal mark or the cell"


if os.path.isdir(FILES):
    shutil.rmtree(FILES)
os.makedirs(FILES)

# --- Whole files that cannot be read (exit 1, nothing counted) ---
case("empty", b"", 1, (0, 0, 0, 0), ["-:-: error: the file is empty"])
case("only-blank-lines", b"\n\n   \n\r\n", 1, (0, 0, 0, 0), ["-:-: error: the file has no text, only blank lines"])
utf16_text = (H + "\n" + G1 + "\n").encode("utf-16-le")
case("utf16le-bom", b"\xff\xfe" + utf16_text, 1, (0, 0, 0, 0),
     ["-:-: error: the file is UTF-16 text; save it as 'CSV UTF-8' and try again"])
case("utf16be-bom", b"\xfe\xff" + (H + "\n" + G1 + "\n").encode("utf-16-be"), 1, (0, 0, 0, 0),
     ["-:-: error: the file is UTF-16 text; save it as 'CSV UTF-8' and try again"])
case("utf16le-no-bom", utf16_text, 1, (0, 0, 0, 0),
     ["-:-: error: the file is UTF-16 text (little-endian, without a byte-order mark); save it as 'CSV UTF-8' and try again"])
case("utf16be-no-bom", (H + "\n" + G1 + "\n").encode("utf-16-be"), 1, (0, 0, 0, 0),
     ["-:-: error: the file is UTF-16 text (big-endian, without a byte-order mark); save it as 'CSV UTF-8' and try again"])
nul_text = (H + "\n" + "A1,2026").encode() + b"\x00" + b"-01-02,left,quadriceps,concentric,60,150\n"
case("nul-in-first-block", nul_text, 1, (0, 0, 0, 0),
     [f"-:-: error: the file is not text (a NUL byte at offset {len(H) + 1 + 7}); is it a spreadsheet (.xlsx) rather than a CSV?"])
case("xlsx-signature", b"PK\x03\x04\x14\x00\x06\x00junkjunk", 1, (0, 0, 0, 0),
     ["-:-: error: the file is not text (a NUL byte at offset 5); is it a spreadsheet (.xlsx) rather than a CSV?"])
case("control-bytes", b"\x01\x02\x03" * 10 + b"a,b\n", 1, (0, 0, 0, 0),
     ["-:-: error: the file is not text (30 control bytes in the first 34); is it a CSV?"])
case("header-only", H + "\n", 1, (0, 0, 0, 0), ["1:-: error: the file has a header row but no data rows"])
case("single-column", "hello\nworld\n", 1, (0, 0, 0, 0),
     ["-:-: error: no header row found: no line in the first 2 has two or more fields separated by a comma, semicolon, tab or pipe"])
case("unknown-layout", "foo,bar,baz\n1,2,3\n", 1, (0, 0, 0, 0),
     ["1:-: error: no known layout: the likeliest header row has columns 'foo', 'bar', 'baz'; "
      "generic-long needs date, side (L/R), muscle (quadriceps/hamstrings), value (e.g. 'Peak torque (Nm)'); "
      "generic-wide needs date, measurement columns such as 'Quad L 60 [Nm]'. Rename the columns as described in "
      "docs/input-formats.md, or describe the layout in a mapping file (hqscreen formats --template FILE writes one)"])
case("value-without-unit", "athlete,date,side,muscle,contraction,velocity,torque\n" + G1 + "\n", 1, (0, 0, 0, 0),
     ["1:-: error: the value column 'torque' names no unit and there is no unit column; "
      "write the unit in the header, e.g. 'torque (Nm)', or pass --unit"])
case("value-unit-from-option", "athlete,date,side,muscle,contraction,velocity,torque\n" + G1 + "\n" + G2 + "\n", 0,
     (2, 2, 0, 0), args=["--unit", "Nm"])
case("unclosed-quote-last-line", f'{H}\n{G1}\nA1,2026-01-02,"left,hamstrings,concentric,60,90\n', 1, (2, 1, 0, 1),
     ["3:3: error: a quoted field opened here is never closed; the last 1 line of the file could not be read"])
case("unclosed-quote-swallows-rest", f'{H}\nA1,"2026-01-02,left,quadriceps,concentric,60,150\n{G1}\n{G2}\n', 1,
     (1, 0, 0, 1), ["2:2: error: a quoted field opened here is never closed; the last 3 lines of the file could not be read"])
skip_map = aux("skip-1000.map", "skip 1000\n")
case("mapping-skip-beyond-file", f"{H}\n{G1}\n{G2}\n", 1, (0, 0, 0, 0),
     ["-:-: error: the mapping file says 'skip 1000', but the file has only 3 lines; the header row would be line 1001. "
      "Fix 'skip' in the mapping file"], args=["--mapping", skip_map])
columns_map = aux("eight-columns.map", "columns athlete,date,side,muscle,contraction,velocity,torque (Nm),notes\n")
case("mapping-more-columns-than-file", f"a,b,c,d,e,f,g\n{G1}\n", 1, (0, 0, 0, 0),
     ["1:-: error: the mapping file names 8 columns, but the header row has 7; fix 'columns' in the mapping file "
      "(use - for a column to ignore)"], args=["--mapping", columns_map])

# --- One bad row among good ones: the row is rejected, the rest imported (exit 1 for check) ---
long_row_case("value-empty", "A1,2026-01-02,right,quadriceps,concentric,60,", "4:7: error: value is empty")
long_row_case("value-nan", "A1,2026-01-02,right,quadriceps,concentric,60,NaN",
              "4:7: error: value is 'NaN' (not a number): the exporting program had no result")
long_row_case("value-na", "A1,2026-01-02,right,quadriceps,concentric,60,N/A", "4:7: error: value is 'N/A', which means no result")
long_row_case("value-negative", "A1,2026-01-02,right,quadriceps,concentric,60,-5", "4:7: error: value -5 is negative")
long_row_case("value-zero-skipped", "A1,2026-01-02,right,quadriceps,concentric,60,0",
              "4:-: warning: skipped 1 row: value is 0 (test not performed?)", exit=0, counts=(3, 2, 1, 0))
long_row_case("value-text", "A1,2026-01-02,right,quadriceps,concentric,60,abc", "4:7: error: value 'abc' is not a number")
long_row_case("value-decimal-comma", 'A1,2026-01-02,right,quadriceps,concentric,60,"150,5"',
              "4:7: error: value '150,5' has a comma; if it is a decimal comma, pass --decimal-mark comma")
long_row_case("value-with-unit-text", "A1,2026-01-02,right,quadriceps,concentric,60,150Nm",
              "4:7: error: value '150Nm' is not a number")
long_row_case("value-overflows-double", "A1,2026-01-02,right,quadriceps,concentric,60,1e400",
              "4:7: error: value '1e400' is not a number")
long_row_case("value-infinity", "A1,2026-01-02,right,quadriceps,concentric,60,inf", "4:7: error: value 'inf' is not a number")
for name, text, shown in [("1e-17", "1e-17", "1e-17"), ("1e-320", "1e-320", "1e-320"), ("1e21", "1e21", "1e+21"),
                          ("1.7e308", "1.7e308", "1.7e+308"), ("5000.1", "5000.1", "5000.1"), ("0.04", "0.04", "0.04")]:
    long_row_case(f"torque-{name}", f"A1,2026-01-02,right,quadriceps,concentric,60,{text}",
                  "4:7: error: " + impossible(shown, "Nm", "0.05", "5000", "Nm"))
long_row_case("ratio-from-extreme-pair", "A1,2026-01-02,right,hamstrings,concentric,60,1e-17",
              "4:7: error: " + impossible("1e-17", "Nm", "0.05", "5000", "Nm"))
long_row_case("side-unknown", "A1,2026-01-02,X,quadriceps,concentric,60,150",
              "4:3: error: unknown side 'X' (expected L, R, left, right or both)")
long_row_case("side-empty", "A1,2026-01-02,,quadriceps,concentric,60,150", "4:3: error: side is empty")
long_row_case("muscle-unknown", "A1,2026-01-02,left,Banana,concentric,60,150",
              "4:4: error: unknown muscle 'Banana' (expected quadriceps or hamstrings)")
long_row_case("muscle-other-skipped", "A1,2026-01-02,left,calf,concentric,60,150",
              "4:-: warning: skipped 1 row: not a knee extensor or flexor test (muscle 'calf')", exit=0, counts=(3, 2, 1, 0))
long_row_case("muscle-empty", "A1,2026-01-02,left,,concentric,60,150", "4:4: error: muscle is empty")
long_row_case("contraction-unknown", "A1,2026-01-02,left,quadriceps,sideways,60,150",
              "4:5: error: unknown contraction 'sideways' (expected concentric, eccentric or isometric)")
long_row_case("velocity-text", "A1,2026-01-02,left,quadriceps,concentric,fast,150",
              "4:6: error: velocity 'fast' is not a number of degrees per second")
long_row_case("velocity-zero-concentric", "A1,2026-01-02,left,quadriceps,concentric,0,150",
              "4:6: error: a concentric test cannot have a velocity of 0 deg/s")
long_row_case("velocity-too-fast", "A1,2026-01-02,left,quadriceps,concentric,5000,150",
              "4:6: error: velocity '5000' is not a number of degrees per second")
long_row_case("date-empty", "A1,,left,quadriceps,concentric,60,150", "4:2: error: date is empty")
long_row_case("date-does-not-exist", "A1,2026-02-30,left,quadriceps,concentric,60,150",
              "4:2: error: date '2026-02-30' does not exist")
long_row_case("date-not-a-date", "A1,yesterday,left,quadriceps,concentric,60,150",
              "4:2: error: date 'yesterday' is not a date (expected YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY)")
long_row_case("athlete-empty", ",2026-01-02,left,quadriceps,concentric,60,150", "4:1: error: athlete is empty")
long_row_case("too-few-fields", "A1,2026-01-02,left", "4:-: error: row has 3 fields, the header has 7")
long_row_case("too-many-fields", "A1,2026-01-02,left,quadriceps,concentric,60,150,5",
              "4:8: error: row has 8 fields, the header has 7 (is there an unquoted delimiter inside a value?)")
long_row_case("quote-inside-unquoted", 'A1,2026-01-02,le"ft,quadriceps,concentric,60,150',
              "4:3: error: malformed quoting: a quote inside an unquoted field, or text after a closing quote")
long_row_case("text-after-closing-quote", 'A1,2026-01-02,"left"x,quadriceps,concentric,60,150',
              "4:3: error: malformed quoting: a quote inside an unquoted field, or text after a closing quote")
long_row_case("stray-quote-in-muscle", 'A1,2026-01-02,left,quad"riceps,concentric,60,150',
              "4:4: error: malformed quoting: a quote inside an unquoted field, or text after a closing quote")
long_row_case("runaway-cell", "A1,2026-01-02," + "X" * 400 + ",quadriceps,concentric,60,150",
              "4:3: error: " + ("unknown side '" + "X" * 400 + "' (expected L, R, left, right or both)")[:300] + "…")
case("strict-stops-at-first", "\n".join([H, G1, "A1,2026-01-02,X,quadriceps,concentric,60,150", G2]) + "\n", 1,
     (2, 1, 0, 1), ["3:3: error: unknown side 'X' (expected L, R, left, right or both)"], args=["--strict"])

# --- Dates ---
case("dates-ambiguous", "\n".join([H, "A1,03/04/2026,left,quadriceps,concentric,60,150",
                                    "A1,03/04/2026,left,hamstrings,concentric,60,90"]) + "\n", 1, (2, 0, 0, 2),
     ["2:2: error: rejected 2 rows whose dates (like the one on this line) read as either day/month or month/day, "
      "and no date in the column 'date' settles which; pass --date-format dmy or --date-format mdy"])
case("dates-ambiguous-with-option", "\n".join([H, "A1,03/04/2026,left,quadriceps,concentric,60,150",
                                                "A1,03/04/2026,left,hamstrings,concentric,60,90"]) + "\n", 0, (2, 2, 0, 0),
     args=["--date-format", "dmy"])
case("dates-contradictory", "\n".join([H, "A1,13/04/2026,left,quadriceps,concentric,60,150",
                                        "A1,04/13/2026,left,hamstrings,concentric,60,90"]) + "\n", 0, (2, 2, 0, 0),
     ["2:2: warning: the date column 'date' mixes day-first dates (line 2) and month-first dates (line 3); "
      "fix the file or pass --date-format dmy or mdy"])
case("date-in-future", "\n".join([H, "A1,2099-01-02,left,quadriceps,concentric,60,150", G2]) + "\n", 0, (2, 2, 0, 0),
     ["2:-: warning: test dates in the future, the first on this line (2099-01-02); check the date column, "
      "and --date-format if day and month are swapped"])
case("date-before-1950", "\n".join([H, "A1,1931-01-02,left,quadriceps,concentric,60,150", G2]) + "\n", 0, (2, 2, 0, 0),
     ["2:-: warning: test dates before 1950, the first on this line (1931-01-02); check the date column, "
      "and --date-format if day and month are swapped"])

# --- Athlete details ---
HS = H + ",sex"
def details_case(name, header, first_value, message_column, message, exit=1, counts=(2, 1, 0, 1), diagnostics=None):
    rows = [header, G1 + "," + first_value, G2 + "," + first_value.replace(first_value, "")]
    # The details are read with the first row of a session, so the bad value sits there.
    case(name, "\n".join([header, G1 + "," + first_value, G2 + ","]) + "\n", exit, counts,
         diagnostics if diagnostics is not None else [f"2:{message_column}: error: {message}"])
details_case("sex-unknown", HS, "X", 8, "sex 'X' is not female or male (F/M)")
details_case("age-text", H + ",age", "abc", 8, "age 'abc' is not a whole number of years between 5 and 110")
details_case("age-out-of-range", H + ",age", "200", 8, "age '200' is not a whole number of years between 5 and 110")
details_case("body-mass-text", H + ",body mass (kg)", "heavy", 8, "body mass 'heavy' is not a number")
details_case("body-mass-out-of-range", H + ",body mass (kg)", "900", 8, "body mass 900 kg is outside 15–300 kg")
details_case("involved-side-unknown", H + ",involved side", "up", 8, "involved side 'up' is not left, right or none")
case("gravity-unknown", "\n".join([H + ",gravity corrected", G1 + ",maybe", G2 + ",yes"]) + "\n", 1, (2, 1, 0, 1),
     ["2:8: error: gravity corrected 'maybe' is not yes, no or unknown"])
case("method-unknown", "\n".join([H + ",method", G1 + ",laser", G2 + ",isokinetic"]) + "\n", 0, (2, 2, 0, 0),
     ["2:8: info: test method 'laser' is not one HQScreen knows (isokinetic, hand-held, nordic, isometric station, "
      "machine, or a device such as Biodex or NordBord); the method is taken from each value's unit "
      "(Nm: isokinetic, N: hand-held, kg: machine)"])
case("details-conflict-same-block", "\n".join([HS, G1 + ",F", G2 + ",M"]) + "\n", 0, (2, 2, 0, 0),
     ["3:-: warning: sex differs from line 2 for athlete 'A1' on the same date; keeping the value from line 2"])
case("details-conflict-across-file", "\n".join([HS, G1 + ",F", "B1,2026-01-02,left,quadriceps,concentric,60,150,M",
                                                  G2 + ",M"]) + "\n", 0, (3, 3, 0, 0),
     ["4:-: warning: sex differs from line 2 for athlete 'A1' on the same date; keeping the value from line 2"])

# --- Optional columns with bad cells ---
HU = "athlete,date,side,muscle,contraction,velocity,value,unit"
case("unit-unknown", "\n".join([HU, G1 + ",Nm", G2 + ",stone"]) + "\n", 1, (2, 1, 0, 1),
     ["3:8: error: unknown unit 'stone' (expected Nm, ft-lb, N, kgf, lbf, kg or lb)"])
case("unit-empty", "\n".join([HU, G1 + ",Nm", G2 + ","]) + "\n", 1, (2, 1, 0, 1), ["3:8: error: unit is empty"])
case("unit-pounds-force-extreme", "\n".join([HU, G1 + ",Nm", "A1,2026-01-02,left,hamstrings,isometric,,1e9,lbf"]) + "\n",
     1, (2, 1, 0, 1), ["3:7: error: " + impossible("1000000000", "lbf", "0.5", "50000", "N")])
case("repetitions-fractional", "\n".join([H + ",reps", G1 + ",3", G2 + ",2.5"]) + "\n", 1, (2, 1, 0, 1),
     ["3:8: error: repetitions '2.5' is not a whole number from 1 to 1000"])
case("set-type-unknown", "\n".join([H + ",set type", G1 + ",normal", G2 + ",giant"]) + "\n", 1, (2, 1, 0, 1),
     ["3:8: error: set type 'giant' is not warm-up, normal, failure or drop set"])
case("position-unknown", "\n".join([H + ",position", G1 + ",seated", G2 + ",upside down"]) + "\n", 1, (2, 1, 0, 1),
     ["3:8: error: position 'upside down' is not seated, prone, supine, standing or kneeling"])
case("angle-out-of-range", "\n".join([H + ",angle", "A1,2026-01-02,left,quadriceps,isometric,,150,60",
                                       "A1,2026-01-02,left,hamstrings,isometric,,90,200"]) + "\n", 1, (2, 1, 0, 1),
     ["3:8: error: angle '200' is not 0–180 degrees"])

# --- Columns HQScreen reads or says it does not ---
case("unused-column-named", "\n".join([H + ",notes", G1 + ",fine", G2 + ","]) + "\n", 0, (2, 2, 0, 0),
     ["1:-: info: column not used: 'notes' (8); if one holds test data, rename it as docs/input-formats.md describes "
      "or map it in a mapping file (hqscreen check lists every column)"],
     extra={"columns": {"8": None, "6": "velocity (°/s)", "7": "value (Nm)"}})
case("duplicate-value-column", "\n".join([H + ",torque_nm", G1 + ",1", G2 + ",2"]) + "\n", 0, (2, 2, 0, 0),
     ["1:-: info: column not used: 'torque_nm' (8); if one holds test data, rename it as docs/input-formats.md "
      "describes or map it in a mapping file (hqscreen check lists every column)"])
for name, header in [("velocity-deg-s", "velocity_deg_s"), ("velocity-dps", "velocity_dps"),
                     ("speed-degrees-per-second", "speed (°/s)"), ("velocity-deg-per-sec", "Velocity deg/sec")]:
    case(f"header-{name}", "\n".join([H.replace("velocity", header), G1, G2]) + "\n", 0, (2, 2, 0, 0),
         extra={"columns": {"6": "velocity (°/s)"}})
case("header-force-n", "athlete,date,side,muscle,contraction,force_n\nA1,2026-01-02,left,quadriceps,isometric,400\n"
     "A1,2026-01-02,left,hamstrings,isometric,250\n", 0, (2, 2, 0, 0), extra={"columns": {"6": "value (N)"}})

# --- Dialects that must read cleanly ---
case("crlf", "\r\n".join([H, G1, G2]) + "\r\n", 0, (2, 2, 0, 0))
case("cr-only", "\r".join([H, G1, G2]) + "\r", 0, (2, 2, 0, 0))
case("no-final-newline", "\n".join([H, G1, G2]), 0, (2, 2, 0, 0))
case("utf8-bom", "\ufeff" + "\n".join([H, G1, G2]) + "\n", 0, (2, 2, 0, 0))
case("semicolon-decimal-comma", "\n".join([H.replace(",", ";"), "A1;2026-01-02;left;quadriceps;concentric;60;150,5",
                                            "A1;2026-01-02;left;hamstrings;concentric;60;90,25"]) + "\n", 0, (2, 2, 0, 0))
case("tab-delimited", "\n".join(x.replace(",", "\t") for x in [H, G1, G2]) + "\n", 0, (2, 2, 0, 0))
case("pipe-delimited", "\n".join(x.replace(",", "|") for x in [H, G1, G2]) + "\n", 0, (2, 2, 0, 0))
case("preamble-lines", "\n".join(["Clinic export", "Printed 2026-01-03", "", H, G1, G2]) + "\n", 0, (2, 2, 0, 0))
case("trailing-empty-columns", "\n".join([H + ",,", G1 + ",,", G2 + ",,"]) + "\n", 0, (2, 2, 0, 0))
case("blank-lines-between-rows", "\n".join([H, G1, "", "   ", G2]) + "\n", 0, (2, 2, 0, 0))
case("windows-1252-whole-file", ("athlete,name,date,side,muscle,contraction,velocity,torque_nm\n"
                                 "A1,Zoë Núñez,2026-01-02,left,quadriceps,concentric,60,150\n").encode("cp1252"), 0,
     (1, 1, 0, 0), ["-:-: info: the file is not UTF-8; read it as Windows-1252 (Latin-1). Save as 'CSV UTF-8' to avoid this"])
case("quoted-newline-in-name", 'athlete,name,date,side,muscle,contraction,velocity,torque_nm\n'
     'A1,"Line\nBreak",2026-01-02,left,quadriceps,concentric,60,150\nA1,x,2026-01-02,left,hamstrings,concentric,60,\n', 1,
     (2, 1, 0, 1), ["4:-: warning: name differs from line 2 for athlete 'A1' on the same date; keeping the value from line 2",
                    "4:8: error: value is empty"])

# --- Hostile text: imported as data, never obeyed (the renderers' tests check the escaping) ---
# In a file this small, eight control bytes are over 1% of it: it is refused as not text.
case("escape-sequences-small-file", f'{H.replace("athlete,", "athlete,name,")}\nA1,"\x1b]0;pwned\x07\x1b[2J",'
     "2026-01-02,left,quadriceps,concentric,60,150\n", 1, (0, 0, 0, 0),
     ["-:-: error: the file is not text (3 control bytes in the first 126); is it a CSV?"])
padding = "".join(f"P{i},Padding {i},2026-01-02,left,quadriceps,concentric,60,150\n" for i in range(40))
HN = "athlete,name,date,side,muscle,contraction,velocity,torque_nm"
for name, hostile in [("escape-sequences", "\x1b]0;pwned\x07\x1b[2J\x1b[1;32mAll athletes GREEN"),
                      ("bidi-override", "\u202eevil\u202c"), ("formula", "=cmd|' /C calc'!A0"),
                      ("html", "<script>alert(1)</script>"), ("null-like", "null"), ("long-name", "N" * 5000),
                      ("emoji", "Zoë 🏃‍♀️ Núñez"), ("backslashes", "C:\\Users\\evil\\..\\..")]:
    quoted = '"' + hostile.replace('"', '""') + '"'
    case(f"hostile-name-{name}", f"{HN}\n{padding}A1,{quoted},2026-01-02,left,quadriceps,concentric,60,150\n"
         f"A1,{quoted},2026-01-02,left,hamstrings,concentric,60,90\n", 0, (42, 42, 0, 0))
case("hostile-athlete-id-newline", f'{H}\n"A\n1",2026-01-02,left,quadriceps,concentric,60,150\n', 0, (1, 1, 0, 0))

# --- Beyond the sniffer's first 256 KB: decided per row ---
filler = "\n".join(f"A{i % 40},2026-01-02,left,quadriceps,concentric,60,{150 + i % 7}" for i in range(6000))
late_start = 2 + 6000
late = (H + "\n" + filler + "\n").encode() + b"B1,2026-01-02,left,quadriceps,concentric,60,1\xe950\n"
case("late-windows-1252-cell", late + b"B2,2026-01-02,left,quadriceps,concentric,60,150\n", 1, (6002, 6001, 0, 1),
     [f"{late_start}:-: warning: this line is not UTF-8 although the start of the file is; read it as Windows-1252 "
      "(Latin-1). Check the names on it, and save the file as 'CSV UTF-8'",
      f"{late_start}:7: error: value '1é50' is not a number"])
late_nul = (H + "\n" + filler + "\n").encode() + b"B1,2026\x00-01-02,left,quadriceps,concentric,60,150\n"
case("late-nul-byte", late_nul, 1, (6001, 6000, 0, 1),
     [f"{late_start}:2: error: the line has a NUL byte here: the file is damaged or not text; the row was not read"])
wide_header = H + "," + ",".join(f"extra_{i}_" + "x" * 40 for i in range(6000))
case("header-longer-than-sample", wide_header + "\n" + G1 + "," * 6000 + "\n", 0, (1, 1, 0, 0), compare=("error", "warning"))

# --- Other layouts with values no test produces ---
STRONG = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
case("strong-load-1e20", STRONG + '\n2026-01-02 18:00:00,"Legs",50m,"Leg Curl (Machine)",1,1e20,8,0,0,,,\n'
     '2026-01-02 18:00:00,"Legs",50m,"Leg Extension (Machine)",1,60,8,0,0,,,\n', 1, (2, 1, 0, 1),
     ["2:6: error: " + impossible("1e+20", "kg", "0.1", "2000", "kg")], compare=("error",), args=["--weight-unit", "kg"])
case("strong-reps-text", STRONG + '\n2026-01-02 18:00:00,"Legs",50m,"Leg Curl (Machine)",1,40,many,0,0,,,\n', 1,
     (1, 0, 0, 1), ["2:7: error: repetitions 'many' is not a whole number"], compare=("error",), args=["--weight-unit", "kg"])
case("strong-weight-negative", STRONG + '\n2026-01-02 18:00:00,"Legs",50m,"Leg Curl (Machine)",1,-40,8,0,0,,,\n', 1,
     (1, 0, 0, 1), ["2:6: error: weight -40.0 is negative"], compare=("error",), args=["--weight-unit", "kg"])
HEVY = ('"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index",'
        '"set_type","weight_kg","reps","distance_km","duration_seconds","rpe"')
case("hevy-load-1e20", HEVY + '\n"Legs","15 Sep 2025, 07:48","15 Sep 2025, 09:13","","Seated Leg Curl (Machine)",,"",0,'
     '"normal",1e20,10,,0,8\n', 1, (1, 0, 0, 1), ["2:10: error: " + impossible("1e+20", "kg", "0.1", "2000", "kg")],
     compare=("error",))
case("hevy-set-type-unknown", HEVY + '\n"Legs","15 Sep 2025, 07:48","15 Sep 2025, 09:13","","Seated Leg Curl (Machine)",,"",0,'
     '"giant",40,10,,0,8\n', 1, (1, 0, 0, 1), ["2:9: error: set type 'giant' is not one HQScreen knows"], compare=("error",))
NORD = ('Name,"ExternalId","Date UTC","Time UTC","Device","Test","L Reps","R Reps","L Max Force (N)","R Max Force (N)",'
        '"Max Imbalance (%)","Notes"')
case("nordbord-force-1e20", NORD + '\n"Alex","A-1","1/20/2026","2:15 PM","NordBord","Nordic","3","3","1e20","365.5","1",""\n',
     1, (1, 0, 0, 1), ["2:9: error: " + impossible("1e+20", "N", "0.5", "50000", "N")], compare=("error",))
case("nordbord-force-text", NORD + '\n"Alex","A-1","1/20/2026","2:15 PM","NordBord","Nordic","3","3","strong","365.5","1",""\n',
     1, (1, 0, 0, 1), ["2:9: error: value 'strong' is not a number"], compare=("error",))
HHD = "TrialName,PeakForce_N"
case("hand-held-force-1e20", HHD + "\nKneeExt_L_1,1e20\nKneeFlex_L_1,150\n", 1, (2, 1, 0, 1),
     ["2:2: error: " + impossible("1e+20", "N", "0.5", "50000", "N")], compare=("error",),
     args=["--date", "2026-01-02", "--athlete", "A1"])
case("hand-held-force-empty", HHD + "\nKneeExt_L_1,\nKneeFlex_L_1,150\n", 1, (2, 1, 0, 1),
     ["2:2: error: force is empty"], compare=("error",), args=["--date", "2026-01-02", "--athlete", "A1"])
WIDE = "athlete,date,Quad L 60 [Nm],Ham L 60 [Nm]"
case("wide-value-1e21", WIDE + "\nA1,2026-01-02,1e21,90\nA2,2026-01-02,150,90\n", 1, (2, 1, 0, 1),
     ["2:3: error: " + impossible("1e+21", "Nm", "0.05", "5000", "Nm")])
case("wide-value-negative", WIDE + "\nA1,2026-01-02,150,-90\n", 1, (1, 0, 0, 1),
     ["2:4: error: Ham L 60 [Nm]: value -90.0 is negative"])
BIODEX = ("Patient Name:,Jane Doe,Date:,03/14/2024\nSet 1 of 1,Extension (60 deg/s),Flexion (60 deg/s)\n"
          "Parameter,Extension Left,Extension Right,Extension Deficit (%),Flexion Left,Flexion Right,Flexion Deficit (%)\n")
case("isokinetic-report-torque-1e21", BIODEX + "Peak Torque (N-m),1e21,165.1,13.8,78.4,88.0,10.9\n", 1, (1, 0, 0, 1),
     ["4:2: error: " + impossible("1e+21", "Nm", "0.05", "5000", "Nm")], compare=("error",))

with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(cases, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"{len(cases)} cases")
