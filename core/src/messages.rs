//! The message catalogue: every string of the viewer's own interface.
//!
//! Components never write interface text themselves; they ask for the
//! catalogue of the article's language. A language without a catalogue falls
//! back to English.

/// The viewer's interface strings in one language.
#[derive(Debug)]
pub struct Messages {
    pub lang: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub follow_us: &'static str,
    pub latest: &'static str,
    pub by: &'static str,
    pub published: &'static str,
    pub updated: &'static str,
    pub opens_in_new_tab: &'static str,
    pub details: &'static str,
    pub error_network: &'static str,
    pub error_not_found: &'static str,
    pub error_unavailable: &'static str,
    pub error_busy: &'static str,
    pub error_unreadable: &'static str,
    pub error_incomplete: &'static str,
    pub error_not_a_story: &'static str,
    pub error_unsupported: &'static str,
    pub error_refused_source: &'static str,
    pub error_timeout: &'static str,
    pub error_too_large: &'static str,
    /// Offline, and this story was never saved on this device.
    pub error_offline: &'static str,
    /// Offline, showing the copy saved earlier: `{time}` is when.
    pub offline_copy: &'static str,
    pub embed: &'static str,
    pub embed_inline: &'static str,
    pub embed_iframe: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_by_hand: &'static str,
    /// The Embed control, when its writer did not load.
    pub embed_failed: &'static str,
    /// A live blog whose updates (the live module) did not load.
    pub live_failed: &'static str,
    pub skip_to_story: &'static str,
    pub share: &'static str,
    pub link_copied: &'static str,
    /// "{n} min read": `{n}` is replaced by the number, in the language's digits.
    pub reading_time: &'static str,
    /// The names of `email` and `other` social links without a label.
    pub email: &'static str,
    pub website: &'static str,
    /// The button that inserts waiting timeline entries: `[one, many]`,
    /// `{n}` replaced by the number.
    pub new_updates: [&'static str; 2],
    pub pause_updates: &'static str,
    pub show_more: &'static str,
    /// The button that loads an image for a reader who asked for less data.
    pub show_image: &'static str,
    pub timeline_failed: &'static str,
    /// The heading of a `key_points` block without a title.
    pub key_points: &'static str,
    /// The heading of a `related` block without a title.
    pub related: &'static str,
    /// The name of a table without a caption, for its scrolling region.
    pub table: &'static str,
    /// Third-party content: `{provider}` is its brand ("YouTube").
    pub embed_notice: &'static str,
    pub load_embed: &'static str,
    pub always_load: &'static str,
    pub open_at: &'static str,
    /// "Correction, {time}:": `{time}` is when it was made, in words.
    pub correction: &'static str,
}

impl Messages {
    /// "4 min read", with `n` already written in the language's digits.
    pub fn reading_time(&self, n: &str) -> String {
        self.reading_time.replace("{n}", n)
    }

    /// "3 new updates", with `shown` the number in the language's digits.
    pub fn new_updates(&self, count: usize, shown: &str) -> String {
        let [one, many] = self.new_updates;
        if count == 1 { one } else { many }.replace("{n}", shown)
    }
}

pub const EN: Messages = Messages {
    lang: "en",
    loading: "Loading the story…",
    retry: "Retry",
    follow_us: "Follow us",
    latest: "Latest",
    by: "By",
    published: "Published",
    updated: "Updated",
    opens_in_new_tab: "(opens in a new tab)",
    details: "Details",
    error_network: "Couldn’t load this story. Check your connection and try again.",
    error_not_found: "This story could not be found.",
    error_unavailable: "This story is not available.",
    error_busy: "The news service is busy. Please try again in a moment.",
    error_unreadable: "This story could not be read: the file is not a valid article.",
    error_incomplete: "This story is incomplete and cannot be shown.",
    error_not_a_story: "This address doesn’t hold a story the viewer can read.",
    error_unsupported: "This story uses a newer format than this viewer understands.",
    error_refused_source: "Source not supported.",
    error_timeout: "This story took too long to load. Please try again.",
    error_too_large: "This story is too large to show.",
    embed: "Embed",
    embed_inline: "In your page (one script, any number of viewers)",
    embed_iframe: "In an iframe",
    copy: "Copy",
    copied: "Copied",
    copy_by_hand: "Selected: press Ctrl+C or ⌘C to copy",
    embed_failed: "The embed code could not be written. Please try again.",
    live_failed: "The live updates could not be loaded.",
    skip_to_story: "Skip to the story",
    share: "Share",
    link_copied: "Link copied",
    reading_time: "{n} min read",
    email: "Email",
    website: "Website",
    new_updates: ["{n} new update", "{n} new updates"],
    pause_updates: "Pause updates",
    show_more: "Show more",
    show_image: "Show image",
    error_offline:
        "You’re offline, and this story hasn’t been saved on this device. It needs a connection.",
    offline_copy: "You’re offline — showing the copy saved at {time}.",
    timeline_failed: "Couldn’t load the latest headlines.",
    key_points: "Key points",
    related: "Related",
    table: "Table",
    embed_notice:
        "This content comes from {provider}, which may use cookies and collect data about you.",
    load_embed: "Load content from {provider}",
    always_load: "Always load content from {provider}",
    open_at: "Open on {provider}",
    correction: "Correction, {time}:",
};

pub const AR: Messages = Messages {
    lang: "ar",
    loading: "جارٍ تحميل الخبر…",
    retry: "إعادة المحاولة",
    follow_us: "تابعونا",
    latest: "الأحدث",
    by: "بقلم",
    published: "نُشر",
    updated: "حُدّث",
    opens_in_new_tab: "(يفتح في علامة تبويب جديدة)",
    details: "التفاصيل",
    error_network: "تعذّر تحميل هذا الخبر. تحقّق من اتصالك وحاول مرة أخرى.",
    error_not_found: "لم يُعثر على هذا الخبر.",
    error_unavailable: "هذا الخبر غير متاح.",
    error_busy: "خدمة الأخبار مشغولة. يُرجى المحاولة بعد قليل.",
    error_unreadable: "تعذّرت قراءة هذا الخبر: الملف ليس مقالًا صالحًا.",
    error_incomplete: "هذا الخبر غير مكتمل ولا يمكن عرضه.",
    error_not_a_story: "لا يحتوي هذا العنوان على خبر يستطيع العارض قراءته.",
    error_unsupported: "يستخدم هذا الخبر صيغة أحدث مما يفهمه هذا العارض.",
    error_refused_source: "المصدر غير مدعوم.",
    error_timeout: "استغرق تحميل هذا الخبر وقتًا طويلًا. يُرجى المحاولة مرة أخرى.",
    error_too_large: "هذا الخبر أكبر من أن يُعرض.",
    embed: "تضمين",
    embed_inline: "في صفحتك (نص برمجي واحد لأي عدد من العارضين)",
    embed_iframe: "في إطار iframe",
    copy: "نسخ",
    copied: "تم النسخ",
    copy_by_hand: "تم التحديد: اضغط Ctrl+C أو ⌘C للنسخ",
    embed_failed: "تعذّرت كتابة شيفرة التضمين. يُرجى المحاولة مرة أخرى.",
    live_failed: "تعذّر تحميل التحديثات المباشرة.",
    skip_to_story: "انتقل إلى الخبر",
    share: "مشاركة",
    link_copied: "تم نسخ الرابط",
    reading_time: "وقت القراءة: {n} د",
    email: "البريد الإلكتروني",
    website: "الموقع",
    new_updates: ["تحديثات جديدة: {n}", "تحديثات جديدة: {n}"],
    pause_updates: "إيقاف التحديثات مؤقتًا",
    show_more: "عرض المزيد",
    show_image: "عرض الصورة",
    error_offline: "أنت غير متصل بالإنترنت، ولم يُحفظ هذا الخبر على هذا الجهاز. يلزم اتصال لقراءته.",
    offline_copy: "أنت غير متصل بالإنترنت — تُعرض النسخة المحفوظة في {time}.",
    timeline_failed: "تعذّر تحميل آخر العناوين.",
    key_points: "النقاط الرئيسية",
    related: "ذو صلة",
    table: "جدول",
    embed_notice:
        "هذا المحتوى مقدَّم من {provider}، وقد يستخدم ملفات تعريف الارتباط ويجمع بيانات عنك.",
    load_embed: "تحميل المحتوى من {provider}",
    always_load: "تحميل المحتوى من {provider} دائمًا",
    open_at: "افتح على {provider}",
    correction: "تصحيح، {time}:",
};

pub const FR: Messages = Messages {
    lang: "fr",
    loading: "Chargement de l’article…",
    retry: "Réessayer",
    follow_us: "Suivez-nous",
    latest: "À la une",
    by: "Par",
    published: "Publié",
    updated: "Mis à jour",
    opens_in_new_tab: "(s’ouvre dans un nouvel onglet)",
    details: "Détails",
    error_network: "Impossible de charger cet article. Vérifiez votre connexion et réessayez.",
    error_not_found: "Cet article est introuvable.",
    error_unavailable: "Cet article n’est pas disponible.",
    error_busy: "Le service est surchargé. Réessayez dans un instant.",
    error_unreadable: "Cet article est illisible : le fichier n’est pas un article valide.",
    error_incomplete: "Cet article est incomplet et ne peut pas être affiché.",
    error_not_a_story: "Cette adresse ne contient pas d’article que la visionneuse sait lire.",
    error_unsupported: "Cet article utilise un format plus récent que ce lecteur.",
    error_refused_source: "Source non prise en charge.",
    error_timeout: "Le chargement de cet article a pris trop de temps. Réessayez.",
    error_too_large: "Cet article est trop volumineux pour être affiché.",
    embed: "Intégrer",
    embed_inline: "Dans votre page (un script, autant de lecteurs que voulu)",
    embed_iframe: "Dans une iframe",
    copy: "Copier",
    copied: "Copié",
    copy_by_hand: "Sélectionné : appuyez sur Ctrl+C ou ⌘C pour copier",
    embed_failed: "Le code d’intégration n’a pas pu être écrit. Veuillez réessayer.",
    live_failed: "Les mises à jour en direct n’ont pas pu être chargées.",
    skip_to_story: "Aller à l’article",
    share: "Partager",
    link_copied: "Lien copié",
    reading_time: "Lecture : {n} min",
    email: "E-mail",
    website: "Site web",
    new_updates: ["{n} nouvelle mise à jour", "{n} nouvelles mises à jour"],
    pause_updates: "Suspendre les mises à jour",
    show_more: "Afficher plus",
    show_image: "Afficher l’image",
    error_offline: "Vous êtes hors ligne et cet article n’a pas été enregistré sur cet appareil. Il faut une connexion.",
    offline_copy: "Vous êtes hors ligne — voici la copie enregistrée à {time}.",
    timeline_failed: "Impossible de charger les derniers titres.",
    key_points: "Points clés",
    related: "À lire aussi",
    table: "Tableau",
    embed_notice: "Ce contenu provient de {provider}, qui peut utiliser des cookies et collecter des données vous concernant.",
    load_embed: "Charger le contenu de {provider}",
    always_load: "Toujours charger le contenu de {provider}",
    open_at: "Ouvrir sur {provider}",
    correction: "Correction, {time}\u{a0}:",
};

const CATALOGUE: [&Messages; 3] = [&EN, &AR, &FR];

/// A live blog's words, apart from the catalogue: only the modules that
/// write a live blog carry them.
#[cfg(feature = "live-blog")]
pub mod live_blog {
    #[derive(Debug)]
    pub struct LiveMessages {
        /// The label by the headline, while the blog is live.
        pub live: &'static str,
        /// The label once coverage ended (the time it ended follows).
        pub ended: &'static str,
        pub key_events: &'static str,
        /// An update's flag.
        pub key_event: &'static str,
        pub pinned: &'static str,
        /// The heading of the updates.
        pub updates: &'static str,
        /// The order toggle (pressed: oldest first).
        pub oldest_first: &'static str,
        /// The marker between the updates new to this device and those seen.
        pub since_last_visit: &'static str,
    }

    pub const EN: LiveMessages = LiveMessages {
        live: "Live",
        ended: "Ended",
        key_events: "Key events",
        key_event: "Key event",
        pinned: "Pinned",
        updates: "Updates",
        oldest_first: "Oldest first",
        since_last_visit: "Since your last visit",
    };

    pub const AR: LiveMessages = LiveMessages {
        live: "مباشر",
        ended: "انتهت التغطية",
        key_events: "أبرز الأحداث",
        key_event: "حدث بارز",
        pinned: "مثبّت",
        updates: "التحديثات",
        oldest_first: "الأقدم أولًا",
        since_last_visit: "منذ زيارتك الأخيرة",
    };

    pub const FR: LiveMessages = LiveMessages {
        live: "En direct",
        ended: "Terminé",
        key_events: "Les faits marquants",
        key_event: "Fait marquant",
        pinned: "Épinglé",
        updates: "Mises à jour",
        oldest_first: "Les plus anciennes d’abord",
        since_last_visit: "Depuis votre dernière visite",
    };

    /// The words for the catalogue of `lang` (as [`super::for_lang`] chose it).
    pub fn for_lang(lang: &str) -> &'static LiveMessages {
        match lang {
            "ar" => &AR,
            "fr" => &FR,
            _ => &EN,
        }
    }
}

/// The catalogue for a BCP 47 language tag, by its primary subtag.
pub fn for_lang(lang: &str) -> &'static Messages {
    let primary = lang.split(['-', '_']).next().unwrap_or_default();
    CATALOGUE
        .into_iter()
        .find(|m| m.lang.eq_ignore_ascii_case(primary))
        .unwrap_or(&EN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_catalogue_by_primary_language() {
        assert_eq!(for_lang("ar-SY").lang, "ar");
        assert_eq!(for_lang("FR-ca").lang, "fr");
        assert_eq!(for_lang("en-GB").lang, "en");
        assert_eq!(for_lang("sw").lang, "en");
        assert_eq!(for_lang("").lang, "en");
    }

    #[test]
    fn new_updates_agrees_with_the_number() {
        assert_eq!(EN.new_updates(1, "1"), "1 new update");
        assert_eq!(EN.new_updates(3, "3"), "3 new updates");
        assert_eq!(FR.new_updates(2, "2"), "2 nouvelles mises à jour");
    }

    #[test]
    fn every_catalogue_differs_from_english() {
        for m in [&AR, &FR] {
            assert_ne!(m.follow_us, EN.follow_us);
            assert_ne!(m.retry, EN.retry);
            assert_ne!(m.error_not_found, EN.error_not_found);
            assert_ne!(m.error_offline, EN.error_offline);
            assert_ne!(m.offline_copy, EN.offline_copy);
            assert!(m.offline_copy.contains("{time}"));
        }
    }
}
