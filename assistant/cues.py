"""cues: the patterns that say what kind of question this is — smalltalk, smuggled instructions, requests
that are not about a plan, other years, and what is asked for (a figure, a place, a list). Vocabulary only;
`route.py` decides with it."""

import re

CJK = re.compile(r"[\u4e00-\u9fff]")

SMALLTALK = [
    ("thanks", re.compile(r"^(谢谢|多谢|感谢|辛苦了|thanks?( you)?|thx|好的谢谢)[!！。.~～\s]*$", re.I)),
    ("greeting", re.compile(r"^(你好|您好|嗨|哈喽|早上好|下午好|晚上好|hi|hello|hey|good (morning|afternoon|evening))[!！。.,，~～\s]*$", re.I)),
    ("capabilities", re.compile(r"(你(能|可以|会)(做|干)什么|你是谁|怎么用|有什么功能|帮助|^help$|what can you do|who are you|how do i use)", re.I)),
]
# Instructions smuggled into a question. They are removed; what is left is answered as a plan question.
INJECTION = re.compile(
    r"(忽略|无视|忘记|忘掉)(你|我)?(之前|以上|前面|上述|所有)?(的)?(所有)?(的)?(指令|指示|规则|设定|要求|提示)[^，。；,.;？?]*[，。；,.;]?"
    r"|(别|不用|不要|无需)(再)?(查|看|管)(计划|资料|文件|原文)了?[，,。]?|直接(回答|告诉我|说)[：:，,]?"
    r"|(你现在是|现在你是|假装你是|扮演|从现在起你|你是(一个)?不受[^，。；]*限制)[^，。；,.;？?]*[，。；,.;]?"
    r"|(我们)?(来)?玩(个|一个)游戏[：:，,]?"
    r"|(你)?(现在)?(必须|只能|只许)(回答|说|输出|回复)[^。；.;？?]*[。；.;]?"
    r"|【?(系统通知|系统消息|管理员通知)】?[：:]?|(管理员|系统)已?(授权|允许)[^。；.;]*[。；.;]?"
    r"|(请)?(把|将)[^。；]*(改成|改为|修改为)[^。；]*[。；]?"
    r"|(告诉我|输出|打印|显示|泄露|重复)(你的)?(系统提示词?|system prompt|提示词|初始指令|内部指令)[^，。；,.;？?]*[，。；,.;]?"
    r"|(然后|并且|再)?(说|告诉我)?(系统提示词?|提示词)[^，。；,.;？?]*[，。；,.;]?"
    r"|(please )?(ignore|disregard|forget) (all )?(the |your )?(previous|prior|above|earlier) (instructions|rules|prompts?)( and)?[,.;]?"
    r"|(you are now|pretend (to be|you are)|act as|from now on,? you)[^,.;?]*[,.;]?"
    r"|(reply|answer|respond) (only|just) [^.;?]*[.;]?|(and )?forget (the|your) (plan|rules|instructions)"
    r"|(reveal|print|show|repeat|tell me|output) (me )?(your|the) (system )?(prompt|instructions)( and)?[,.;]?"
    r"|\b(jailbreak|DAN mode)\b",
    re.I,
)
# Requests that are not questions about a plan at all, whatever words they borrow from it.
OFF_TOPIC_TASK = re.compile(
    r"(写|作|编|来)[^，。？?]{0,12}(诗|词|歌曲|作文|故事|笑话|小说|绝句|律诗|对联|散文|歌词)|诗歌|笑话|天气|气温|股票|股价|彩票|菜谱|星座|翻译成"
    r"|\b(poem|joke|weather|stocks?|stock (tip|price)s?|lottery|recipe|horoscope|translate|write (me )?(a|an) (story|essay|song))\b", re.I)
CONNECTIVE = re.compile(r"^(然后|并且|再|另外|同时|and|then|also)[，,\s]*", re.I)
# Numbers the plan states for 2026. Other years, past outcomes and forecasts are not in it.
OTHER_YEAR = re.compile(r"(20[0-9]{2})\s*年?")
OUTCOME = re.compile(r"(实际完成|实际增长|完成了|已经完成|去年|上年|前年|明年|后年|实际值|actual(ly)?|last year|next year|achieved|so far)", re.I)
NUMBER_CUE = re.compile(
    r"(多少|几个|几家|几户|几座|几眼|几项|几条|多大|多长|多高|多快|增速|增幅|增长率|比例|比重|占比|百分之|规模|几成|是多|"
    r"how much|how many|what percentage|what percent|by how much|how large|how big|how long|what rate|"
    r"growth (target|rate)|target for|what is the target|what's the target|figure|哪个指标|which indicator|\brate\b|increase|"
    r"什么时候|何时|哪天|哪一天|几月|几号|日期|when\b|what date|第几|几期|哪一?届|几届|几年|什么级别|多大级别|装机)", re.I)
STATED_FIGURE = re.compile(r"\d+(\.\d+)?\s*(%|％|亿元|万元|万亩|万千瓦时|万千瓦|万吨|亿|万|个|户|家|公里|座|眼|percent)", re.I)
FIGURE_WORD = re.compile(r"(目标|指标|预期|target|goal|indicator)", re.I)
WHERE_CUE = re.compile(r"(在哪|第几章|第几节|哪一?节|哪一部分|哪部分|哪一章|哪章|哪个章节|哪一节|哪个部分|出处|哪里提到|哪儿提到|where (does|in|is)|which (part|chapter|section))", re.I)
LIST_CUE = re.compile(r"(哪些|哪几|有什么|都有|列举|列出|包括|which .*(projects|measures|partners|areas|fields|regions|cities|industries|sectors|groups|places|countries|systems)|"
    r"\blist\b|what (projects|measures|are the))", re.I)
