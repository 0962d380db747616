#!/usr/bin/env python3
"""Generates a synthetic corpus of Markdown notes for benchmarking notelint.

    generate_corpus.py OUT --notes N [--seed S] [--defect-rate R] [--duplicate-rate R] [--reference-rate R]

The notes are shaped like a real knowledge-base note: YAML front matter with the keys of the default schema
(Rules/note.schema.yml), a body of 1-40 KB mixing Chinese and English prose, headings, lists and code fences
that hold `---` lines. Notes sit in nested folders (area/category[/year]). Tags are drawn from a vocabulary with
a long tail (Zipf-like: a few tags on thousands of notes, many on one or two).

A few percent of the notes (--defect-rate, default 0.04) carry exactly one defect, one of:
  truncated-tag  a frequent tag cut short (`strateg` for `strategy`)        -> tag-spelling
  draft-status   `draft: true` beside `status: evergreen`                 -> draft-status
  bad-date       `2024/11/24`, `2023-02-30`, `24-11-2024`, ...            -> date-format
  duplicate-tag  a tag listed twice                                        -> duplicate-tag
  unknown-key    a key the schema does not define (`author`, `tittle`)    -> unknown-key
Every other note is meant to lint clean under notelint's embedded default configuration: the folder gets no
`.lint.yml`, so it must not lie below a folder that has one.

For the collection rules, two more options (both 0 by default, which leaves the output as it was):
  --duplicate-rate R   that share of notes takes the title of an earlier note      -> duplicate-value
  --reference-rate R   that share of notes names an earlier note in `series: "[[file name]]"`; one reference in
                       a hundred names a note that does not exist                  -> broken-reference
They draw from a random stream of their own, so the rest of each note is what the same seed gives without them.

OUT/manifest.jsonl lists every note with its defect and the rule expected to report it. The output depends
only on the arguments (and the PyYAML version, which formats the front matter): the same seed gives the same
files.
"""
import argparse
import bisect
import datetime
import json
import os
import random
import sys

import yaml

# English words for tags (every one accepted by the Hunspell en_US dictionary, proper nouns capitalised).
WORDS = """
    accountability advertising africa agents aging agriculture air algorithms alignment alliance america 
    analysis anthropology antitrust archaeology architecture archive army art astronomy authoritarianism 
    automation aviation banking basketball bias biography biology blockchain border brain brand britain browser 
    buddhism budget bureaucracy calculus calligraphy canal capital capitalism career censorship chain chemistry 
    chess china chips christianity cities civil climate cloud cold collapse colonialism communism community 
    competition compiler complexity concurrency conflict conservatism constitution consumer cooking corruption 
    cosmology crisis cryptography culture currency data database debt debugging decision decline decolonization 
    defense democracy demography design dialect dictatorship diplomacy disease distributed documentation 
    dynasty ecology economics economy education election embargo emperor empire empires energy engineering 
    enlightenment entrepreneurship espionage essay estate ethics europe evolution exercise experiment export 
    fairness family famine farming federalism festival fiction film finance fitness food football force 
    forecasting forest france friendship frontier games genetics geopolitics germany globalization governance 
    grammar growth guerrilla habits hardware health history hospital housing identity import incentives 
    independence india industrialization industry inequality inflation innovation institutions insurance 
    insurgency intelligence internet interview invention investing islam japan journal journalism justice 
    kernel kingdom korea labor language latency law leadership learning lecture liberalism library license 
    linguistics literature logic machine making management manufacturing manuscript maritime marketing markets 
    mathematics media medicine memoir memory method migration military missile model models modernization 
    monarchy monopoly museum music nationalism naval negotiation network neural neuroscience nomads notes novel 
    nuclear nursing nutrition ocean oil olympics open operating optimization ottoman painting pandemic parallel 
    parenting parliament patent peace pension performance persuasion philosophy photography physics platform 
    podcast poetry politics population populism ports poverty power prediction privacy probability productivity 
    programming propaganda property protocol province psychology railway ranking reading real reasoning 
    recommendation reflection reform regulation relations religion renaissance republic reputation research 
    retail review revolution rhetoric rights risk ritual road robotics routes running russia safety sanctions 
    satellite scaling science script sculpture search security semiconductor seminar shipping silk simulation 
    sleep socialism society sociology software source sovereignty soviet space speech sport standards startup 
    statistics steppe storage strategy summarization summary supply surgery surveillance systems taiwan tariff 
    taxation technology territory terrorism testing theory throughput totalitarianism trade tradition 
    translation transparency transport travel treaty trust uncertainty union university urban urbanization 
    vaccine venture vietnam villages vision visualization vocabulary war water welfare writing """.split()

# For a word, how many letters can be cut off its end to leave a non-word (checked with Hunspell en_US):
# `strategy:123` allows `strateg`, `strate`, `strat`. Truncated-tag defects use these so that the cut tag is
# recognisably misspelled, not another word.
TRUNCATIONS = dict(entry.split(":") for entry in """
    accountability:123 advertising:123 africa:12 agents:2 aging:1 agriculture:123 algorithms:23 alignment:123
    alliance:123 america:12 analysis:123 anthropology:12 antitrust:123 archaeology:123 architecture:12
    archive:12 astronomy:123 authoritarianism:12 automation:12 aviation:123 banking:12 basketball:123
    biography:123 biology:12 blockchain:123 border:12 brain:1 britain:12 buddhism:13 budget:2 bureaucracy:123
    calculus:123 calligraphy:123 capital:23 capitalism:12 career:1 censorship:12 chain:1 chemistry:13 chess:1
    christianity:12 cities:12 civil:1 climate:123 cloud:1 collapse:123 colonialism:12 communism:123
    community:123 competition:123 compiler:23 complexity:12 concurrency:123 conflict:123 conservatism:123
    constitution:123 consumer:23 cooking:12 corruption:12 cosmology:123 crisis:12 cryptography:23 culture:12
    currency:123 database:123 debugging:123 decision:123 decline:12 decolonization:123 defense:123 democracy:123
    demography:123 design:12 dialect:12 dictatorship:12 diplomacy:13 disease:123 distributed:23
    documentation:123 dynasty:23 ecology:12 economics:23 economy:12 education:123 election:12 embargo:123
    emperor:123 empire:12 empires:23 energy:12 engineering:12 enlightenment:123 entrepreneurship:12
    espionage:123 essay:1 estate:12 ethics:2 europe:1 evolution:123 exercise:123 experiment:123 export:1
    fairness:123 family:12 famine:12 farming:12 federalism:12 festival:123 fiction:123 finance:123 fitness:123
    football:123 force:1 forecasting:12 friendship:12 frontier:12 genetics:2 geopolitics:123 germany:2
    globalization:123 governance:123 grammar:12 growth:1 guerrilla:123 habits:2 hardware:123 health:1 history:12
    hospital:123 housing:123 identity:123 import:12 incentives:23 independence:123 india:1 industrialization:123
    industry:12 inequality:123 inflation:123 innovation:123 institutions:23 insurance:123 insurgency:123
    intelligence:123 internet:1 interview:123 invention:12 investing:12 islam:1 japan:1 journal:123
    journalism:12 justice:12 kingdom:12 korea:1 labor:1 language:123 latency:12 leadership:12 learning:12
    lecture:12 liberalism:12 library:13 license:12 linguistics:2 literature:123 logic:1 machine:12 making:12
    management:123 manufacturing:123 manuscript:123 maritime:123 marketing:12 markets:2 mathematics:23 media:1
    medicine:1 memoir:1 memory:1 method:1 migration:123 military:12 missile:12 modernization:123 monarchy:23
    monopoly:123 museum:1 music:1 nationalism:12 naval:1 negotiation:123 network:123 neural:12 neuroscience:123
    novel:1 nuclear:123 nursing:123 nutrition:123 ocean:1 olympics:23 operating:123 optimization:123 ottoman:12
    painting:12 pandemic:123 parallel:123 parenting:12 parliament:123 peace:1 pension:12 performance:123
    persuasion:123 philosophy:123 photography:23 physics:2 platform:123 podcast:123 poetry:1 politics:2
    population:123 populism:123 poverty:123 power:1 prediction:12 privacy:12 probability:123 productivity:123
    programming:123 propaganda:123 property:13 protocol:123 province:123 psychology:12 railway:12 ranking:2
    reading:12 reasoning:12 recommendation:123 reflection:12 reform:12 regulation:123 relations:23 religion:123
    renaissance:123 republic:123 reputation:123 research:123 retail:12 review:12 revolution:123 rhetoric:13
    rights:2 ritual:12 robotics:2 running:123 russia:1 safety:1 sanctions:23 satellite:123 scaling:123
    science:123 script:2 sculpture:12 search:1 security:123 semiconductor:123 seminar:12 shipping:123
    simulation:123 sleep:1 socialism:12 society:123 sociology:12 software:123 source:1 sovereignty:13 soviet:12
    space:1 speech:12 sport:1 standards:23 startup:1 statistics:2 steppe:1 storage:12 strategy:123
    summarization:123 summary:13 surgery:1 surveillance:123 systems:2 taiwan:12 tariff:12 taxation:123
    technology:123 territory:123 terrorism:12 testing:12 theory:12 throughput:12 totalitarianism:12
    tradition:123 translation:123 transparency:123 transport:12 travel:2 treaty:2 trust:1 uncertainty:13 union:1
    university:123 urban:1 urbanization:123 vaccine:123 venture:12 vietnam:123 villages:2 vision:12
    visualization:123 vocabulary:123 water:1 welfare:123 writing:12
""".split())

# Tags the shipped vocabulary (Rules/tags.txt) accepts: product names and abbreviations.
PRODUCT_TAGS = """
openai chatgpt llm genai huggingface pytorch tensorflow numpy jupyter nvidia cuda kubernetes k8s devops
mlops github gitlab nginx grafana opentelemetry linux javascript nodejs golang webassembly graphql postgresql
sqlite redis kafka yaml vscode neovim emacs zettelkasten jekyll eleventy wikipedia youtube
""".split()

# Tags with digits: no word of them is spelling-checked.
DIGIT_TAGS = ["gpt-4", "web3", "covid-19", "g20", "1990s", "2008-crisis", "h100", "5g", "cold-war-1950s", "y2k"]

CJK_TAGS = """
朝鲜战争 冷战 经济学 人工智能 历史 地缘政治 外交 中美关系 苏联 毛泽东 斯大林 改革开放 文化大革命 抗日战争 台湾问题
货币政策 通货膨胀 房地产 半导体 芯片 供应链 全球化 产业政策 创业 投资 读书笔记 访谈 播客 哲学 心理学 社会学 教育
医疗 公共卫生 气候变化 能源 石油 新能源 电动车 互联网 平台经济 数据隐私 开源 编程 算法 机器学习 大模型 写作 学习方法
时间管理 日本 韩国 俄罗斯 欧洲 印度 中东 非洲 拉美 东南亚 丝绸之路 明朝 清朝 宋朝 唐朝 汉朝 民国 近代史 世界史
思想史 法治 民主 宪政 媒体 新闻 电影 音乐 艺术 建筑 城市化 人口 老龄化 农村 扶贫 战略 权力 国际关系 决策
""".split()

HEAD_TAGS = ["strategy", "power", "history", "war", "relations", "economics", "technology", "geopolitics",
             "decision-making-calculus", "leadership", "diplomacy", "philosophy", "china-analysis", "us-analysis",
             "historical-insights", "machine-learning", "cold-war", "trade-war", "supply-chain", "open-source"]

CJK_CHARS = (
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而"
    "能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意"
    "进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口"
    "使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数"
    "件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉"
    "望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传"
    "近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒"
    "未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组"
    "造落视济喜离虽坐集编宝谈府拉黑且随格尽讲布微怕母调局根曾准团段终乐切级克精哪官示冷按负")

LATIN_NAMES = ["Joseph Stalin", "Mao Zedong", "Zhou Enlai", "Liu Shaoqi", "Peng Dehuai", "Harry S. Truman",
               "Lin Biao", "Dean Acheson", "Kim Il-sung", "Douglas MacArthur", "Richard Nixon", "Henry Kissinger",
               "Deng Xiaoping", "John Maynard Keynes", "Friedrich Hayek", "Milton Friedman", "Adam Smith",
               "Karl Marx", "Max Weber", "Hannah Arendt", "George Kennan", "Winston Churchill", "Charles de Gaulle",
               "Otto von Bismarck", "Alan Turing", "John von Neumann", "Claude Shannon", "Geoffrey Hinton",
               "Yann LeCun", "Andrew Ng", "Fei-Fei Li", "Sam Altman", "Jensen Huang", "Morris Chang",
               "Lee Kuan Yew", "Park Chung-hee", "Mikhail Gorbachev", "Ronald Reagan", "Margaret Thatcher",
               "Paul Volcker", "Alan Greenspan", "Ben Bernanke", "Daniel Kahneman", "Amos Tversky", "Herbert Simon"]
CJK_NAMES = ["沈志华", "柴静", "金日成", "史蒂科夫", "顾维钧", "艾奇逊", "杜鲁门", "毛泽东", "周恩来", "刘少奇",
             "彭德怀", "林彪", "邓小平", "李光耀", "张忠谋", "任正非", "马云", "许倬云", "钱穆", "费孝通", "黄仁宇"]
ORGS = ["中共中央", "苏共中央", "美国国家安全委员会", "塔斯社", "真理报", "联合国", "世界银行", "国际货币基金组织",
        "World Bank", "IMF", "Federal Reserve", "European Central Bank", "OpenAI", "Google DeepMind", "TSMC",
        "Huawei", "NATO", "Warsaw Pact", "RAND Corporation", "Brookings Institution", "McKinsey & Company",
        "Bank of Japan", "People's Bank of China", "US State Department", "Politburo"]
PRODUCTS = ["GPT-4", "Walkman", "Llama 3", "iPhone", "H100", "A100", "Model 3", "Kindle", "Windows 95", "ChatGPT",
            "AlphaGo", "Stable Diffusion", "Linux", "Kubernetes", "PostgreSQL", "TensorFlow", "PyTorch"]
AREAS = {
    "society-systems": ["geopolitics", "history", "law", "governance", "demography"],
    "economy-markets": ["macroeconomics", "finance", "industry", "trade", "real-estate"],
    "technology": ["ai", "software", "semiconductors", "internet", "security"],
    "science-health": ["biology", "medicine", "physics", "psychology", "climate"],
    "culture-ideas": ["philosophy", "literature", "art", "religion", "education"],
    "self-practice": ["learning", "writing", "productivity", "career", "health"],
}
LAYOUTS = ["post.njk", "post.njk", "post.njk", "note.njk", "layouts/essay.njk", "layouts/talk.njk"]
PROJECTS = ["china-analysis", "us-analysis", "historical-insights", "ai-research", "reading-list", "market-notes",
            "cold-war-series", "tech-policy", "book-notes", "talk-transcripts", "年度复盘"]
SERIES = ["十三邀", "圆桌派", "冷战史讲座", "Lex Fridman Podcast", "Conversations with Tyler", "EconTalk",
          "The Knowledge Project", "得到课程", "看理想"]
SITES = ["https://www.youtube.com/watch?v={yt}", "https://en.wikipedia.org/wiki/{Wiki}",
         "https://www.bilibili.com/video/BV1{yt}", "https://example.org/articles/{slug}",
         "https://www.foreignaffairs.com/articles/{slug}", "https://arxiv.org/abs/{arxiv}",
         "https://blog.example.com/{year}/{slug}/", "https://podcasts.example.net/episodes/{slug}?t=120"]
UNKNOWN_KEYS = ["author", "tittle", "cover_image", "updated", "tag", "categories", "description", "slug"]
BAD_DATES = ["{y}/{m:02d}/{d:02d}", "{d:02d}-{m:02d}-{y}", "{y}-02-30", "{y}-13-{d:02d}", "{y}.{m}.{d}",
             "{y}-{m:02d}-{d:02d}T25:00", "{y}{m:02d}{d:02d}"]
DEFECTS = ["truncated-tag", "draft-status", "bad-date", "duplicate-tag", "unknown-key"]
EXPECTED_RULE = {"truncated-tag": "tag-spelling", "draft-status": "draft-status", "bad-date": "date-format",
                 "duplicate-tag": "duplicate-tag", "unknown-key": "unknown-key"}


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.tags = self.build_tag_vocabulary()
        # Zipf-like weights, 1/rank: the head is used by thousands of notes, the tail by one or two.
        total = 0.0
        self.cumulative = []
        for rank in range(len(self.tags)):
            total += 1.0 / (rank + 1)
            self.cumulative.append(total)
        self.cjk_pool = [self.cjk_paragraph() for _ in range(400)]
        self.latin_pool = [self.latin_paragraph() for _ in range(400)]
        self.code_pool = [self.code_block() for _ in range(60)]

    # -- vocabulary -------------------------------------------------------------------------------------------
    def build_tag_vocabulary(self):
        rng = self.rng
        words = list(WORDS)
        compounds = set()
        while len(compounds) < 2600:
            first, second = rng.choice(words), rng.choice(words)
            if first != second:
                compounds.add(f"{first}-{second}")
        rest = [w for w in words if w not in HEAD_TAGS] + sorted(compounds - set(HEAD_TAGS))
        rest += PRODUCT_TAGS + DIGIT_TAGS + CJK_TAGS
        rng.shuffle(rest)
        # Single words and product names lean towards the head, compounds towards the tail.
        rest.sort(key=lambda tag: (tag.count("-") + (0 if tag in PRODUCT_TAGS or tag in CJK_TAGS else 0.5))
                  * rng.random())
        seen, ordered = set(), []
        for tag in HEAD_TAGS + rest:
            if tag not in seen:
                seen.add(tag)
                ordered.append(tag)
        return ordered

    def sample_tags(self, count):
        chosen = []
        top = self.cumulative[-1]
        while len(chosen) < count:
            tag = self.tags[bisect.bisect_left(self.cumulative, self.rng.random() * top)]
            if tag not in chosen:
                chosen.append(tag)
        return chosen

    # -- text ---------------------------------------------------------------------------------------------------
    def cjk_sentence(self, low=12, high=48):
        rng = self.rng
        chars = [rng.choice(CJK_CHARS) for _ in range(rng.randint(low, high))]
        for _ in range(rng.randint(0, 2)):
            chars.insert(rng.randrange(1, len(chars)), "，")
        if rng.random() < 0.2:
            chars.insert(rng.randrange(len(chars)), f"{rng.randint(1900, 2024)}年")
        if rng.random() < 0.15:
            word = rng.choice(WORDS)
            chars.insert(rng.randrange(len(chars)), f"（{word.capitalize()}）")
        return "".join(chars) + rng.choice("。。。！？")

    def latin_sentence(self, low=6, high=22):
        rng = self.rng
        words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
        if rng.random() < 0.2:
            words.insert(rng.randrange(len(words)), rng.choice(CJK_TAGS))
        words[0] = words[0].capitalize()
        return " ".join(words) + rng.choice("...?")

    def cjk_paragraph(self):
        rng = self.rng
        text = "".join(self.cjk_sentence() for _ in range(rng.randint(2, 8)))
        if rng.random() < 0.25:
            term = rng.choice(CJK_TAGS)
            text += f"**{term}**（{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}: {self.cjk_sentence(6, 20)}）"
        return text

    def latin_paragraph(self):
        return " ".join(self.latin_sentence() for _ in range(self.rng.randint(2, 7)))

    def code_block(self):
        rng = self.rng
        kind = rng.randrange(4)
        if kind == 0:
            # A front matter example inside a note: the `---` lines belong to the body.
            return ("```yaml\n---\ntitle: " + rng.choice(WORDS) + "\ntags: [" + ", ".join(rng.sample(WORDS, 3))
                    + "]\ndraft: false\n---\n```")
        if kind == 1:
            return "```markdown\n---\nlayout: post.njk\n---\n\n# " + rng.choice(WORDS).capitalize() + "\n\n---\n```"
        if kind == 2:
            lines = [f"    {rng.choice(WORDS)}_{i} = {rng.randint(0, 999)}" for i in range(rng.randint(2, 8))]
            return "```python\ndef " + rng.choice(WORDS) + "():\n" + "\n".join(lines) + "\n    return None\n```"
        return "```diff\n--- a/notes.md\n+++ b/notes.md\n---\n- " + rng.choice(WORDS) + "\n+ " + rng.choice(WORDS) + "\n```"

    def body(self, target_bytes, cjk_share):
        rng = self.rng
        parts, size = [], 0
        while size < target_bytes:
            roll = rng.random()
            if roll < 0.08:
                heading = self.cjk_sentence(6, 18)[:-1] if rng.random() < cjk_share else self.latin_sentence(3, 7)[:-1]
                part = "### " + heading
            elif roll < 0.13:
                part = self.code_pool[rng.randrange(len(self.code_pool))]
            elif roll < 0.17:
                part = "\n".join("- " + (self.cjk_sentence(6, 20) if rng.random() < cjk_share else self.latin_sentence(3, 9))
                                 for _ in range(rng.randint(2, 6)))
            elif roll < 0.19:
                part = "---"
            elif rng.random() < cjk_share:
                part = self.cjk_pool[rng.randrange(len(self.cjk_pool))]
            else:
                part = self.latin_pool[rng.randrange(len(self.latin_pool))]
            parts.append(part)
            size += len(part.encode("utf-8")) + 2
        return "\n\n".join(parts) + "\n"

    # -- front matter -------------------------------------------------------------------------------------------
    def title(self, cjk):
        rng = self.rng
        if cjk:
            return self.cjk_sentence(6, 16)[:-1] + rng.choice(["：", "？", "——"]) + self.cjk_sentence(4, 12)[:-1] + rng.choice(["", "？"])
        words = [rng.choice(WORDS) for _ in range(rng.randint(3, 9))]
        title = " ".join(w.capitalize() if i == 0 or rng.random() < 0.5 else w for i, w in enumerate(words))
        if rng.random() < 0.3:
            title += ": " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5)))
        return title

    def source(self, date):
        rng = self.rng
        slug = "-".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5)))
        yt = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") for _ in range(11))
        return rng.choice(SITES).format(
            yt=yt, slug=slug, Wiki="_".join(w.capitalize() for w in slug.split("-")), year=date.year,
            arxiv=f"{date.year % 100:02d}{date.month:02d}.{rng.randint(1000, 29999):05d}")

    def front_matter(self):
        rng = self.rng
        cjk = rng.random() < 0.6
        date = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 11))
        status = rng.choice(["seedling", "budding", "evergreen", "evergreen"])
        draft = False if status == "evergreen" else rng.random() < 0.5
        area = rng.choice(sorted(AREAS))
        data = {
            "title": self.title(cjk),
            "date": date,
            "draft": draft,
            "status": status,
            "tags": self.sample_tags(rng.randint(2, 8)),
            "summary": "".join(self.cjk_sentence() for _ in range(rng.randint(1, 4))) if cjk
            else " ".join(self.latin_sentence() for _ in range(rng.randint(1, 4))),
            "layout": rng.choice(LAYOUTS),
        }
        optional = {
            "source": lambda: self.source(date),
            "area": lambda: area,
            "category": lambda: rng.choice(AREAS[area]),
            "people": lambda: rng.sample(LATIN_NAMES + CJK_NAMES, rng.randint(0, 8)),
            "companies_orgs": lambda: rng.sample(ORGS, rng.randint(0, 5)),
            "products_models": lambda: rng.sample(PRODUCTS, rng.choice([0, 0, 1, 2, 3])),
            "project": lambda: rng.sample(PROJECTS, rng.randint(0, 3)),
            "series": lambda: rng.choice(SERIES) if rng.random() < 0.3 else "",
            "guest": lambda: rng.choice(LATIN_NAMES + CJK_NAMES) if rng.random() < 0.3 else "",
            "insight": lambda: self.cjk_sentence() if rng.random() < 0.2 else "",
            "speaker": lambda: rng.choice(CJK_NAMES) + " " + rng.choice(LATIN_NAMES) if rng.random() < 0.5
            else rng.choice(LATIN_NAMES + CJK_NAMES),
        }
        for key, make in optional.items():
            if rng.random() < 0.85:
                data[key] = make()
        return data, cjk

    # -- defects ------------------------------------------------------------------------------------------------
    def apply_defect(self, data, kind, tag_uses, used_truncations):
        rng = self.rng
        if kind == "draft-status":
            data["status"], data["draft"] = "evergreen", True
            return "status: evergreen with draft: true"
        if kind == "bad-date":
            date = data["date"]
            data["date"] = rng.choice(BAD_DATES).format(y=date.year, m=date.month, d=date.day)
            return f"date {data['date']}"
        if kind == "duplicate-tag":
            data["tags"].insert(rng.randint(1, len(data["tags"])), rng.choice(data["tags"]))
            return "a tag listed twice"
        if kind == "unknown-key":
            key = rng.choice(UNKNOWN_KEYS)
            data[key] = rng.choice(LATIN_NAMES) if key != "updated" else "2024-01-01"
            return f"key {key}"
        # truncated-tag: cut a frequent Latin tag so that its last word is no longer a word. Each cut form is
        # used once in the whole corpus (a form many notes share would be accepted as a tag of its own).
        candidates = [tag for tag in self.tags[:800]
                      if tag_uses.get(tag, 0) >= 4 and tag.split("-")[-1] in TRUNCATIONS]
        for _ in range(200):
            tag = rng.choice(candidates)
            cut = int(rng.choice(TRUNCATIONS[tag.split("-")[-1]]))
            truncated = tag[:-cut]
            if truncated not in used_truncations and truncated not in tag_uses:
                used_truncations.add(truncated)
                tags = data["tags"]
                if tag in tags:
                    tags[tags.index(tag)] = truncated
                else:
                    tags[rng.randrange(len(tags))] = truncated
                return f"tag {truncated} for {tag}"
        return self.apply_defect(data, "duplicate-tag", tag_uses, used_truncations)


def render(data, style, plain_date):
    """YAML text for the front matter, in one of the styles real notes use."""
    if isinstance(data["date"], datetime.date) and not plain_date:
        data = dict(data, date=data["date"].isoformat())  # PyYAML quotes it: '2024-11-24'
    if style == "sorted":          # PyYAML's defaults, keys sorted: the seed note's style
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=True, default_flow_style=False)
    if style == "flow-lists":      # schema order, lists written [a, b]
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=None, width=120)
    # "schema-order": keys in the schema's order, block lists
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="output folder (created; must not exist or be empty)")
    parser.add_argument("--notes", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--defect-rate", type=float, default=0.04)
    parser.add_argument("--duplicate-rate", type=float, default=0.0)
    parser.add_argument("--reference-rate", type=float, default=0.0)
    args = parser.parse_args()
    if os.path.isdir(args.out) and os.listdir(args.out):
        sys.exit(f"{args.out} is not empty")
    generator = Generator(args.seed)
    rng = generator.rng

    notes = []
    tag_uses = {}
    for index in range(args.notes):
        data, cjk = generator.front_matter()
        for tag in data["tags"]:
            tag_uses[tag] = tag_uses.get(tag, 0) + 1
        notes.append((data, cjk))
    defect_count = round(args.notes * args.defect_rate)
    defective = sorted(rng.sample(range(args.notes), defect_count)) if defect_count else []
    kinds = {index: DEFECTS[position % len(DEFECTS)] for position, index in enumerate(defective)}
    used_truncations = set()

    os.makedirs(args.out, exist_ok=True)
    seen_paths = set()
    # The collection options' own stream: the main one, and so every other byte, is the same with or without them.
    collection_rng = random.Random(f"{args.seed}-collection")
    stems = []
    with open(os.path.join(args.out, "manifest.jsonl"), "w", encoding="utf-8") as manifest:
        for index, (data, cjk) in enumerate(notes):
            kind = kinds.get(index)
            detail = generator.apply_defect(data, kind, tag_uses, used_truncations) if kind else None
            collection = {}
            if args.duplicate_rate and index and collection_rng.random() < args.duplicate_rate:
                data["title"] = notes[collection_rng.randrange(index)][0]["title"]
                collection["duplicate"] = "title"
            if args.reference_rate and index and collection_rng.random() < args.reference_rate:
                broken = collection_rng.random() < 0.01
                target = f"missing-note-{index:06d}" if broken else stems[collection_rng.randrange(index)]
                data["series"] = f"[[{target}]]"
                collection["reference"] = "broken" if broken else "resolves"
            style = rng.choices(["sorted", "flow-lists", "schema-order"], [0.7, 0.15, 0.15])[0]
            folder = [data.get("area") or "inbox"]
            if "category" in data:
                folder.append(data["category"])
            if rng.random() < 0.5:
                folder.append(str(data["date"].year if isinstance(data["date"], datetime.date) else "undated"))
            slug = "-".join(rng.choice(WORDS) for _ in range(rng.randint(2, 4)))
            relative = os.path.join(*folder, f"{slug}-{index:06d}.md")
            assert relative not in seen_paths
            seen_paths.add(relative)
            stems.append(f"{slug}-{index:06d}")
            target = int(1024 * 40 ** rng.random())  # log-uniform 1-40 KB
            text = "---\n" + render(data, style, rng.random() < 0.2) + "---\n\n" + generator.body(target, 0.75 if cjk else 0.15)
            newline = "\r\n" if rng.random() < 0.02 else "\n"
            if newline != "\n":
                text = text.replace("\n", newline)
            path = os.path.join(args.out, relative)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as note:
                note.write(text)
            record = {"path": relative, "defect": kind, "detail": detail, "expect": EXPECTED_RULE.get(kind)}
            if collection:
                record["collection"] = collection
            manifest.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{args.notes} notes ({defect_count} with a defect) in {args.out}")


if __name__ == "__main__":
    main()
