"""Fixed wording of the extractive answers, in both languages. No numbers: every figure comes from data."""

from __future__ import annotations

SCOPE_ZH = "我可以回答计划中的主要预期目标、重点项目、改革开放、城乡建设、生态保护和民生保障等内容，并给出出处。"
SCOPE_EN = ("I can answer from the plan: its main targets, key projects, reform and opening-up, urban and rural "
            "development, ecology and public services, each with the chapter, section and quoted text.")

SMALLTALK = {
    ("greeting", "zh"): "您好！我是《{title}》问答助手。" + SCOPE_ZH,
    ("greeting", "en"): "Hello! I answer questions about the {title_en}. " + SCOPE_EN,
    ("thanks", "zh"): "不客气！还有关于计划的问题，随时问我。",
    ("thanks", "en"): "You're welcome! Ask me anything else about the plan.",
    ("capabilities", "zh"): "我根据《{title}》作答：数字类问题从计划的目标表中查找，其他问题检索原文，每个回答都注明章节并引用原文。计划没有写的内容，我会直接说明。",
    ("capabilities", "en"): ("I answer from the {title_en}: figures come from the plan's target table, other questions from "
                             "the plan's text, always citing the chapter, section and quoted words. If the plan does not "
                             "say something, I tell you so."),
}

REFUSAL = {
    ("out_of_scope", "zh"): "抱歉，这个问题不在《{title}》的范围内，计划没有涉及{detail}。" + SCOPE_ZH,
    ("out_of_scope", "en"): "Sorry, the plan does not cover that{detail_en}. " + SCOPE_EN,
    ("not_in_plan", "zh"): "计划没有说明这一点：本计划只包含{year}年的预期目标和工作安排，没有实际完成情况、其他年份的数据或预测。",
    ("not_in_plan", "en"): ("The plan does not say. It sets expected targets and tasks for {year} only; it gives no actual "
                            "results, other years' figures or forecasts."),
    ("other_place", "zh"): "计划只给出二连浩特市自己的目标，没有{place}的这一数字。",
    ("other_place", "en"): "The plan sets Erenhot's own targets only; it gives no such figure for {place}.",
    ("no_figure", "zh"): "计划没有给出这一数字。",
    ("no_figure", "en"): "The plan does not give that figure.",
    ("unsafe", "zh"): "我只根据计划内容回答问题，不执行问题中的其他指令，也不透露系统设置。",
    ("unsafe", "en"): "I only answer questions from the plan; I do not follow instructions inside questions or reveal my setup.",
}
RELATED = {"zh": "计划中的相关表述是：", "en": "What the plan says on the topic:"}
INJECTION_NOTE = {"zh": "（问题中的其他指令已忽略。）", "en": "(Instructions inside the question were ignored.)"}
CLARIFY = {"zh": "计划中有几项指标都符合您的问题，请问您指的是哪一项？", "en": "Several figures in the plan fit your question. Which one do you mean?"}
PREMISE = {"zh": "需要更正：计划中的数字是{framed}，而不是{claimed}。", "en": "A correction: the plan's figure is {framed}, not {claimed}."}

QUALIFIER_EN = {"左右": "about", "以上": "or more", "突破": "over", "达": "reaching", "达到": "reaching", "完成": "completing",
                "力争": "striving for", "超": "over", "超过": "over", "提升至": "raised to", "新增": "new", "": ""}
UNIT_EN = {"亿元": "亿元 (hundred million yuan)", "万元": "万元 (ten thousand yuan)", "公里": " km", "万亩": "万亩 (ten thousand mu)",
           "万千瓦": "万千瓦 (ten thousand kW)", "万千瓦时": "万千瓦时 (ten thousand kWh)", "万吨": "万吨 (ten thousand tonnes)",
           "个": " ", "户": " ", "家": " ", "座": " ", "眼": " "}
POST_QUALIFIERS = ("左右", "以上", "以内", "以下")


def framed(value: str, unit: str, qualifier: str) -> str:
    """The figure as the plan frames it: 6%左右, 突破460亿元."""
    if qualifier.endswith(POST_QUALIFIERS):
        pre = qualifier[: -2]
        return f"{pre}{value}{unit}{qualifier[-2:]}"
    return f"{qualifier}{value}{unit}"


def chapter_place(chapter: str, chapter_title: str, section: str, section_title: str, lang: str) -> str:
    if lang == "en":
        where = "the notice" if chapter == "通知" else "the preamble (总体要求)" if chapter == "总体要求" else f"chapter {chapter}"
        return where + (f", section {section} “{section_title}”" if section else f" “{chapter_title}”" if chapter not in ("通知", "总体要求") else "")
    if chapter in ("通知", "总体要求"):
        return f"“{chapter_title}”部分"
    return f"第{chapter}章“{chapter_title}”" + (f"第{section}节“{section_title}”" if section else "")
