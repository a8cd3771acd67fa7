"""The words printed on the sheets, in each language a sheet is printed in.

Headings, column names and page labels, kept apart from the layout so the
two read separately; a sheet in a new language needs its labels here.
"""

from __future__ import annotations

from collections.abc import Mapping

EDITED_DISCLAIMER = {"en": " (This disclaimer was edited locally.)", "zh": "（以上说明已在本地更改。）"}

LABELS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "cheat_title": "Facial gua sha: the zones at a glance",
        "cheat_subtitle": "{count} zones in working order, forehead to neck. Work both sides of the face alike.",
        "date": "Printed {date}",
        "cheat_subtitle_school": "{count} zones in the working order of the {school} school. "
        "Work both sides of the face alike.",
        "school": "Strokes: {school} school",
        "col_number": "No.",
        "col_zone": "Zone",
        "col_direction": "Direction",
        "col_pressure": "Pressure",
        "col_strokes": "Strokes per line",
        "col_concerns": "Part of the routine for",
        "per_line": "{span} strokes per line",
        "hold": "hold {span} s",
        "more": "+{count}\u00a0more",
        "key_title": "Key",
        "key_stomach": "Stomach channel (ST)",
        "key_large_intestine": "Large Intestine channel (LI)",
        "key_stroke": "Stroke direction",
        "key_number": "Zone number, as in the table",
        "key_point": "Yang Ming point in the zone",
        "key_pressure": "Pressure: 1 to 3 bars",
        "key_more": "+N more: the full lists are on the zone chart",
        "cautions_title": "Cautions",
        "cautions": "Light pressure only, with the tool almost flat; a mark on the face means too much pressure.\n"
        "Never press the eyeball or pull the lower lid: stay on the bony rim.\n"
        "In the neck, keep off the carotid pulse and the windpipe; no point pressure on the front of the neck.\n"
        "Skip broken, infected, inflamed or sunburned skin, active acne, moles, lumps and swollen nodes.\n"
        "One tool per person; wash it after every use.",
        "stop_signs": "Stop at pain, red dots, bruising or redness that lasts; "
        "faint pinkness should fade within about an hour.",
        "home_title": "Gua sha at home: {concern}",
        "steps_title": "Your routine, step by step",
        "pressure_line": "{name} pressure",
        "lead_in": ": ",
        "feel": " — {feel}",
        "before_title": "Before you start",
        "before_text": "Wash your hands and the tool, cleanse your face and smooth on a little facial oil so the tool "
        "glides. Hold the tool almost flat to the skin (about 15°). Stroke in one direction only and lift the "
        "tool at the end of each stroke. Work both sides of the face the same way.",
        "often_title": "How often",
        "often_text": "A few minutes per session, 2–3 times a week. If any redness or marks remain, wait until they "
        "have gone before working the same area again.",
        "often_honest": "This is a common convention in gua sha guides, not a tested prescription.",
        "care_title": "Take care",
        "note_title": "Practitioner's note",
        "face_caption": "Numbers show the steps, arrows the direction of the strokes.",
        "continued": "{title} (continued)",
        "page_of": "Page {page} of {pages}",
        "continues": "Continued on page {page}",
        "for_client": "For {name}",
        "left_out_title": "Left out today, and why",
        "left_out_until": "may be worked again from {date}",
        "left_out_zone": "{zone} ({why})",
        "reason_sep": ", ",
        "zone_sep": "; ",
        "chart_title": "Facial gua sha: zones and strokes",
        "chart_subtitle": "{count} zones, worked forehead to neck; the arrows show each stroke on both sides.",
        "chart_subtitle_school": "{count} zones in the working order of the {school} school; "
        "the arrows show each stroke on both sides.",
        "chart_key_number": "Zone number",
        "chart_zones_title": "The zones",
        "chart_zone_line": "{strokes}; {pressure} pressure",
        "chart_concerns": "Traditionally used for: {concerns}",
        "chart_caution": "Take care: {text}",
        "points_title": "Facial acupuncture points",
        "points_subtitle": "{count} points as placed by the WHO Standard Acupuncture Point Locations (2008); "
        "points on both sides are labelled on one side only.",
        "points_extra": "Extra points, outside the channels",
        "points_names": "The points by name",
        "points_side": "Side view, the subject's left: the points around the ear",
    },
    "zh": {
        "cheat_title": "面部刮痧分区图",
        "cheat_subtitle": "{count} 处区域，自额头至颈部依次操作。面部两侧手法相同。",
        "date": "打印日期 {date}",
        "cheat_subtitle_school": "{count} 处区域，按{school}刮法的顺序依次操作。面部两侧手法相同。",
        "school": "刮法：{school}",
        "col_number": "编号",
        "col_zone": "区域",
        "col_direction": "方向",
        "col_pressure": "力度",
        "col_strokes": "每线次数",
        "col_concerns": "所属护理",
        "per_line": "每条线 {span} 次",
        "hold": "停留 {span} 秒",
        "more": "等\u00a0{total}\u00a0项",
        "key_title": "图例",
        "key_stomach": "足阳明胃经（ST）",
        "key_large_intestine": "手阳明大肠经（LI）",
        "key_stroke": "刮拭方向",
        "key_number": "区域编号，与下表相同",
        "key_point": "区域内的阳明经穴位",
        "key_pressure": "力度：1 至 3 格",
        "key_more": "等 N 项：完整列表见分区与手法图",
        "cautions_title": "注意事项",
        "cautions": "力度宜轻，刮痧板几乎平贴皮肤；面部出现痕迹说明力度过大。\n"
        "切勿按压眼球或拉扯下眼睑，只在眶骨缘上操作。\n"
        "颈部避开颈动脉搏动处和气管；颈前不做穴位按压。\n"
        "皮肤破损、感染、发炎或晒伤之处，以及正在发炎的痤疮（痘痘）、痣、肿块和肿大的淋巴结，都不要刮拭。\n"
        "一人一板，每次用后清洗。",
        "stop_signs": "如感到疼痛，或出现红点、瘀青或持久不退的发红，请立即停止；轻微发红应在约一小时内消退。",
        "home_title": "在家刮痧：{concern}",
        "steps_title": "操作方法",
        "pressure_line": "力度：{name}",
        "lead_in": "：",
        "feel": "（{feel}）",
        "before_title": "开始之前",
        "before_text": "清洗手和刮痧板，清洁面部，再在面部用少许面部用油，让刮痧板顺滑移动。"
        "刮痧板几乎平贴皮肤（约 15°）。只朝同一方向刮，每刮到终点后将刮痧板抬起。面部两侧手法相同。",
        "often_title": "多久一次",
        "often_text": "每次时间宜短，每周 2–3 次。如仍有发红或痕迹，请等其消退后再刮同一部位。",
        "often_honest": "此为刮痧资料中常见的做法，并非经过试验证实的处方。",
        "care_title": "注意事项",
        "note_title": "专业人士备注",
        "face_caption": "编号即操作先后；带尖头的线表示刮拭方向。",
        "continued": "{title}（续）",
        "page_of": "第 {page} 页，共 {pages} 页",
        "continues": "续见第 {page} 页",
        "for_client": "为 {name} 准备",
        "left_out_title": "今天略过的部位及原因",
        "left_out_until": "{date} 起可以再做",
        "left_out_zone": "{zone}（{why}）",
        "reason_sep": "、",
        "zone_sep": "；",
        "chart_title": "面部刮痧分区与手法图",
        "chart_subtitle": "{count} 处区域，自额头至颈部依次操作；箭头表示两侧的刮拭方向。",
        "chart_subtitle_school": "{count} 处区域，按{school}刮法的顺序依次操作；箭头表示两侧的刮拭方向。",
        "chart_key_number": "区域编号",
        "chart_zones_title": "各区域",
        "chart_zone_line": "{strokes}；{pressure}力度",
        "chart_concerns": "传统用于：{concerns}",
        "chart_caution": "注意：{text}",
        "points_title": "面部穴位图",
        "points_subtitle": "{count} 个穴位，定位依据世界卫生组织《标准针灸穴位定位》（2008）；双侧穴位只在一侧标注。",
        "points_extra": "经外奇穴",
        "points_names": "穴位名称",
        "points_side": "侧面图（受术者左侧）：耳周穴位",
    },
}

# The "ways to stroke" sheet (core/output/compare.py).
COMPARE_LABELS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "title": "{count} ways to stroke: {zone}",
        "subtitle": "The same zone as each technique school works it. Each arrow starts at its small circle.",
        "pressure": "Pressure",
        "strokes": "Strokes per line",
        "why": "Why",
        "not_covered": "Not in the sources",
        "cautions": "Cautions",
        "sources": "Sources",
        "date": "Printed {date}",
    },
    "zh": {
        "title": "{count} 种刮法：{zone}",
        "subtitle": "同一区域在各刮法中的做法。每条箭头自小圆圈处起刮。",
        "pressure": "力度",
        "strokes": "每线次数",
        "why": "依据",
        "not_covered": "文献未涉及",
        "cautions": "注意事项",
        "sources": "文献",
        "date": "打印日期 {date}",
    },
}
