#!/usr/bin/env python3
"""The screening desk in a real browser: headless Chromium driven through chromedriver (Selenium).

Usage: desk_in_chromium.py HQSCREEN_BINARY PACKAGE_ROOT OUT_DIR

Starts `hqscreen serve` on a new store and a free port, then, as a physio would: opens the import
page, chooses a SampleData file, checks the preview, confirms, sees the squad table, opens an
athlete, checks the findings and the program are there, and saves the page as PDF. Screenshots of
each page (and the thresholds page) and the PDF go to OUT_DIR. Exits non-zero, saying what was missing, on any failure."""
import base64
import os
import shutil
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def main():
    binary, root, out = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="hqscreen-browser-")
    server = subprocess.Popen(
        [binary, "serve", "--db", os.path.join(work, "desk.sqlite"), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=work)
    try:
        line = server.stdout.readline()
        if "http://" not in line:
            fail(f"the server did not start: {line!r} {server.stderr.read()!r}")
        base = line.split("http://", 1)[1].split("/", 1)[0]
        base = "http://" + base
        run(base, root, out)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


def fail(message):
    print(f"desk_in_chromium: {message}", file=sys.stderr)
    sys.exit(1)


def expect(condition, message):
    if not condition:
        fail(message)


def wait_for(driver, text, what):
    """Waits (up to a minute: CI machines are slow and busy) until the page holds `text`."""
    try:
        WebDriverWait(driver, 60).until(lambda d: text in d.page_source)
    except Exception:
        fail(f"{what}: the page never showed {text!r}")


def run(base, root, out):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1200,1400"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(base + "/import")
        wait_for(driver, "Import strength tests", "the import page")
        driver.save_screenshot(os.path.join(out, "desk-import.png"))

        driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(
            os.path.join(root, "SampleData", "team_long.csv"))
        driver.find_element(By.NAME, "squad").send_keys("firsts")
        driver.find_element(By.CSS_SELECTOR, "button.primary").click()
        wait_for(driver, "Check the files before they are stored", "the preview after the upload")
        page = driver.page_source
        expect("<td>team_long.csv</td><td>generic-long</td>" in page, "the preview does not name the file's layout")
        expect("team_long.csv:" in page, "the preview lists no diagnostic with its file and line")
        driver.save_screenshot(os.path.join(out, "desk-preview.png"))

        driver.find_element(By.CSS_SELECTOR, "form[action='/import/confirm'] button").click()
        wait_for(driver, "Stored 106 new tests, 0 already stored, 0 conflicts.", "the confirmation")
        driver.find_element(By.LINK_TEXT, "See the squad").click()
        wait_for(driver, "Team summary", "the squad page")
        rows = driver.find_elements(By.CSS_SELECTOR, "section.team tr")
        expect(len(rows) == 6, f"the squad table has {len(rows)} rows, not a header and 5 athletes")
        expect("Sam Sprinter" in driver.page_source, "Sam Sprinter is not in the squad table")
        driver.save_screenshot(os.path.join(out, "desk-squad.png"))

        driver.find_element(By.LINK_TEXT, "Sam Sprinter").click()
        wait_for(driver, "Hamstring:quadriceps screening — Sam Sprinter", "the athlete page")
        page = driver.page_source
        for text in ["Hamstring:quadriceps screening — Sam Sprinter", "Hcon/Qcon 60°/s", "What it means",
                     "Hip raise", "Leg curl"]:
            expect(text in page, f"the athlete page lacks {text!r}")
        expect(driver.execute_script("return document.querySelectorAll('svg').length") > 3,
               "the athlete page has no charts or drawings")
        driver.save_screenshot(os.path.join(out, "desk-athlete.png"))

        pdf = base64.b64decode(driver.print_page())
        expect(pdf.startswith(b"%PDF-"), "printing the page gave no PDF")
        with open(os.path.join(out, "desk-athlete.pdf"), "wb") as file:
            file.write(pdf)
        text = subprocess.run(["pdftotext", os.path.join(out, "desk-athlete.pdf"), "-"],
                              capture_output=True, text=True).stdout
        expect("Sam Sprinter" in text and "Hip raise" in text, "the printed PDF lacks the athlete or the program")
        expect("Import" not in text.split("Hamstring:quadriceps screening")[0],
               "the desk's menu is printed")
        driver.find_element(By.LINK_TEXT, "Thresholds").click()
        wait_for(driver, "Thresholds: profile default-v1", "the thresholds page")
        expect("Croisier et al. 2008" in driver.page_source, "the thresholds page lacks its sources")
        driver.save_screenshot(os.path.join(out, "desk-thresholds.png"))
        print(f"desk_in_chromium: import, preview, squad, athlete, print and thresholds passed; pictures in {out}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
