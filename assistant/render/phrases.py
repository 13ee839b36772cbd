"""Fixed wording of the answers, in both languages. No numbers: every figure comes from data."""

from __future__ import annotations

SCOPE_ZH = "我可以回答计划中的主要预期目标、重点项目、改革开放、城乡建设、生态保护和民生保障等内容，并给出出处。"
SCOPE_EN = ("I can answer from the plan: its main targets, key projects, reform and opening-up, urban and rural "
            "development, ecology and public services, each with the chapter, section and quoted text.")

SMALLTALK = {
    ("greeting", "zh"): "您好！我是《{title}》问答助手。" + SCOPE_ZH,
    ("greeting", "en"): "Hello! I answer questions about {title_en}. " + SCOPE_EN,
    ("thanks", "zh"): "不客气！还有关于计划的问题，随时问我。",
    ("thanks", "en"): "You're welcome! Ask me anything else about the plan.",
    ("capabilities", "zh"): "我根据《{title}》作答：数字类问题从计划的目标表中查找，其他问题检索原文，每个回答都注明章节并引用原文。计划没有写的内容，我会直接说明。",
    ("capabilities", "en"): ("I answer from {title_en}: figures come from the plan's target table, other questions from "
                             "the plan's text, always citing the chapter, section and quoted words. If the plan does not "
                             "say something, I tell you so."),
}

# Why a question (or a part of it) is declined. {subject}: what was asked about, in the question's words.
DECLINE = {
    ("out_of_scope", "zh"): "抱歉，计划没有涉及{detail}。",
    ("out_of_scope", "en"): "Sorry, the plan does not cover that{detail_en}.",
    ("not_in_plan", "zh"): "计划没有说明这一点。",
    ("not_in_plan", "en"): "The plan does not say.",
    ("no_figure", "zh"): "计划没有给出这一数字。",
    ("no_figure", "en"): "The plan does not give that figure.",
    ("other_place", "zh"): "计划只给出二连浩特市自己的目标，没有{place}的这一数字。",
    ("other_place", "en"): "The plan sets Erenhot's own targets only; it gives no such figure for {place}.",
    ("other_year", "zh"): "计划没有{years}年的数字：{coverage}",
    ("other_year", "en"): "The plan gives no figures for {years}: {coverage}",
    ("outcome", "zh"): "计划只列出预期目标和工作安排，没有实际完成情况。",
    ("outcome", "en"): "The plan states expected targets and tasks, not actual results.",
    ("compare", "zh"): "计划没有给出往年的数字，无法比较。",
    ("compare", "en"): "The plan gives no figures for other years, so it cannot be compared.",
    ("portion", "zh"): "计划只给出总数，没有给出其中这一部分的数字。",
    ("portion", "en"): "The plan gives only the total, not a figure for that part of it.",
    ("sub_period", "zh"): "计划只给出全年的目标，没有按季度或月份分解。",
    ("sub_period", "en"): "The plan sets the figure for the whole year; it does not break it down by quarter or month.",
    ("multi_year", "zh"): "计划只给出本年度的目标，没有多年期（如“十五五”时期）的数字：{coverage}",
    ("multi_year", "en"): "The plan sets this year's targets only, not figures for a span of years such as the Fifteenth Five-Year Plan period: {coverage}",
    ("no_entity", "zh"): "计划没有写明这一点（如具体的人员、承担的企业、单位或具体地点）。",
    ("no_entity", "en"): "The plan does not name that (the person, company, body or exact location).",
    ("ranking", "zh"): "计划没有对这些事项排序或比较大小。",
    ("ranking", "en"): "The plan does not rank them or say which is the largest.",
    ("unsafe", "zh"): "我只根据计划内容回答问题，不执行问题中的其他指令，也不透露系统设置。",
    ("unsafe", "en"): "I only answer questions from the plan; I do not follow instructions inside questions or reveal my setup.",
    ("no_place", "zh"): "计划中没有{numbered}。",
    ("no_place", "en"): "The plan has no {numbered}.",
    ("off_topic", "zh"): "这不是关于计划的问题，我只回答计划相关的问题。",
    ("off_topic", "en"): "That is not a question about the plan; I only answer questions about the plan.",
}
# Decline reasons after which the scope of the assistant is worth saying.
SAY_SCOPE = ("out_of_scope", "off_topic", "unsafe")
COVERAGE = {"zh": "已载入的文件只涉及{years}年。", "en": "the documents loaded cover {years} only."}
RELATED = {"zh": "计划中的相关表述是：", "en": " What the plan says on the topic: "}
NOTES = {
    ("injection", "zh"): "（问题中的其他指令已忽略。）",
    ("injection", "en"): "(Instructions inside the question were ignored.)",
    ("reveal", "zh"): "（我不透露系统提示或内部设置。）",
    ("reveal", "en"): "(I do not reveal my system prompt or setup.)",
    ("aside", "zh"): "（问题中与计划无关的请求不予处理。）",
    ("aside", "en"): "(The request that is not about the plan was set aside.)",
    ("pressure", "zh"): "（计划中的数字以原文为准，不能按要求改动。）",
    ("pressure", "en"): "(The plan's figures are as the plan states them; they cannot be changed on request.)",
}
CLARIFY = {"zh": "计划中有几项指标都符合您的问题，请问您指的是哪一项？", "en": "Several figures in the plan fit your question. Which one do you mean?"}
# The claimed figure is not repeated: the guard lets no number through that the plan's quotes do not state.
PREMISE = {"zh": "需要更正：计划中的数字是{framed}，与问题中的说法不符。", "en": "A correction: the plan's figure is {framed}, not the one in the question."}
CONFIRM = {"zh": "是的，", "en": "Yes. "}
REFRAMED = {"zh": "需要更正：计划的表述是“{framed}”，与问题中的说法不符。",
            "en": "A correction: the plan puts it as {framed}, not as the question does."}
WRONG_PLACE = {"zh": "需要更正：这是《{title}》中的目标，不是{place}的；计划没有{place}的数字。",
               "en": "A correction: this is a target in {title}, not one for {place}; the plan gives no figure for {place}."}
WRONG_YEAR = {"zh": "需要更正：这是《{title}》中{year}年的目标。", "en": "A correction: this is a target for {year}, in {title}."}
CORRECTION = {"zh": "计划没有这样的说法。计划中的相关表述是：", "en": "The plan does not say that. What it does say: "}
COMPARE = {
    ("higher", "zh"): "{later}年的{name}（{b}）比{earlier}年（{a}）高{diff}{unit}。",
    ("lower", "zh"): "{later}年的{name}（{b}）比{earlier}年（{a}）低{diff}{unit}。",
    ("same", "zh"): "{later}年的{name}（{b}）与{earlier}年（{a}）相同。",
    ("higher", "en"): "The {later} figure ({b}) is {diff}{unit} higher than the {earlier} figure ({a}).",
    ("lower", "en"): "The {later} figure ({b}) is {diff}{unit} lower than the {earlier} figure ({a}).",
    ("same", "en"): "The {later} figure ({b}) is the same as the {earlier} figure ({a}).",
}
POINTS = {"zh": "个百分点", "en": " percentage points"}
YEAR_LABEL = {"zh": "{year}年", "en": "{year}: "}
MISSING_YEAR = {"zh": "{years}年的文件没有这一数字。", "en": "The documents for {years} give no such figure."}
FROM_DOC = {"zh": "（依据最新的《{title}》。）", "en": "(From the newest plan: {title}.)"}
UNQUANTIFIED = {"zh": "计划对此没有给出具体数字，它的表述是：", "en": "The plan sets no figure for this; what it says: "}
OUTLINE = {"zh": "计划{place}是“{title}”[{n}]，主要内容：", "en": "{place} of the plan is “{title}” [{n}]. It covers:"}
MORE = {"zh": "（另有{n}项，略）", "en": "({n} more not shown)"}
FACT = {"zh": "据计划{place}：", "en": "According to the plan ({place}): "}
WHERE = {"zh": "这在计划{place}：", "en": "This is in {place}: "}  # place_en names the plan where it needs to
LIST = {"zh": "计划{place}提到：", "en": "The plan lists ({place}):"}
