package dev.collide.extract;

import java.util.List;

/**
 * The Chinese cue words of {@link ReleaseClassifier} (release, prediction, comparison), looked up as substrings
 * since Chinese has no word breaks. Thread-safe.
 */
final class ChineseCues {
    static final List<String> ZH_RELEASE = List.of("发布", "推出", "开源", "上线", "亮相", "问世", "首发", "公布",
            "發布", "發佈", "开放", "開源", "上線", "問世", "首發", "公佈", "正式介绍", "正式介紹", "释出", "釋出", "放出", "登场", "登場");
    static final List<String> ZH_PREDICTION = List.of("预计", "将于", "将在", "即将", "有望", "计划", "传闻",
            "据传", "或将", "可能", "尚未", "没有发布", "未发布",
            "預計", "將於", "將在", "即將", "有望", "計劃", "傳聞", "據傳", "或將", "尚未", "沒有發布", "未發布", "推迟", "推遲", "延期",
            "停用", "淘汰", "下线", "下線");
    static final List<String> ZH_COMPARISON = List.of("超越", "超过", "对比", "相比", "跑分", "评测", "基于",
            "使用", "接入", "部署", "媲美", "击败", "领先",
            "超過", "對比", "評測", "基於", "接入", "部署", "擊敗", "領先", "掰掰手腕", "比肩", "对标", "對標");

    private ChineseCues() {
    }

    /** The Chinese cues of {@code [from, to)} as {@link Lexicon} bits (release, prediction, comparison). */
    static int zhCues(String text, int from, int to) {
        return (hasZh(text, from, to, ZH_RELEASE) ? Lexicon.STRONG_RELEASE : 0)
                | (hasZh(text, from, to, ZH_PREDICTION) ? Lexicon.PREDICTION : 0)
                | (hasZh(text, from, to, ZH_COMPARISON) ? Lexicon.COMPARISON : 0);
    }

    /** {@link #hasZh(String, int, int, List)} in a clause of the sentence {@code w}: none without a Han character. */
    static boolean hasZh(Words w, String text, int from, int to, List<String> cues) {
        return w.hasHan() && hasZh(text, from, to, cues);
    }

    /** Chinese has no word breaks: the cues are looked up as substrings, only in clauses with Han characters. */
    static boolean hasZh(String text, int from, int to, List<String> cues) {
        boolean han = false;
        for (int i = from; i < to && !han; i++) {
            han = text.charAt(i) >= 0x4E00 && text.charAt(i) <= 0x9FFF;
        }
        if (!han) {
            return false;
        }
        String clause = text.substring(from, to);
        for (String cue : cues) {
            if (clause.contains(cue)) {
                return true;
            }
        }
        return false;
    }
}
