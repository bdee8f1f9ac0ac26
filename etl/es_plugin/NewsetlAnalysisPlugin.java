package newsetl;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.pattern.PatternCaptureGroupTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;
import org.elasticsearch.common.regex.Regex;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingCharFilterFactory;
import org.elasticsearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.indices.analysis.PreBuiltCacheFactory.CachingStrategy;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The analysis components of Elasticsearch's analysis-common module that news-etl needs, for the
 * integ-test distribution, which ships Lucene's analyzers (lib/lucene-analysis-common-*.jar) but not
 * the module that registers them.
 *
 * Each component keeps the name, the settings and the behaviour the Elasticsearch reference documents
 * for it ("Text analysis" > "Built-in analyzer reference", "Token filter reference", "Character filters
 * reference"), built on the same Lucene class:
 *
 *   analyzer     english               EnglishAnalyzer (standard tokenizer, possessive, lowercase, stop, keyword marker, Porter)
 *   token filter stemmer               english/porter: PorterStemFilter; possessive_english: EnglishPossessiveFilter;
 *                                      light_english/kstem: KStemFilter; minimal_english: EnglishMinimalStemFilter
 *   token filter keyword_marker        SetKeywordMarkerFilter (keywords, ignore_case) or PatternKeywordMarkerFilter (keywords_pattern)
 *   token filter multiplexer           every token through each branch (filters, preserve_original), duplicates at a position removed
 *   token filter pattern_replace       PatternReplaceFilter (pattern, replacement, all, flags)
 *   token filter word_delimiter_graph  WordDelimiterGraphFilter (generate_word_parts, generate_number_parts, catenate_words,
 *                                      catenate_numbers, catenate_all, preserve_original, split_on_case_change,
 *                                      split_on_numerics, stem_english_possessive, ignore_keywords, adjust_offsets,
 *                                      protected_words, type_table)
 *   token filter flatten_graph         FlattenGraphFilter
 *   token filter pattern_capture       PatternCaptureGroupTokenFilter (patterns, preserve_original)   [.security index]
 *   token filter unique                drops repeated tokens (only_on_same_position)                 [.security index]
 *   char filter  mapping               MappingCharFilter (mappings, "a => b" with \\uXXXX escapes)
 *   char filter  pattern_replace       PatternReplaceCharFilter (pattern, replacement, flags)
 *   tokenizer    uax_url_email         UAX29URLEmailTokenizer (max_token_length)                     [.security index]
 *
 * lowercase, stop and the standard tokenizer are part of the server and need nothing here.
 */
public final class NewsetlAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        AnalysisProvider<AnalyzerProvider<? extends Analyzer>> english = (indexSettings, env, name, settings) -> {
            CharArraySet stop = Analysis.parseStopWords(env, settings, EnglishAnalyzer.getDefaultStopSet());
            CharArraySet exclusion = Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET);
            return new Provider(name, new EnglishAnalyzer(stop, exclusion));
        };
        return Map.of("english", english);
    }

    @Override
    public List<PreBuiltAnalyzerProviderFactory> getPreBuiltAnalyzerProviderFactories() {
        return List.of(new PreBuiltAnalyzerProviderFactory("english", CachingStrategy.LUCENE, EnglishAnalyzer::new));
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        AnalysisProvider<TokenFilterFactory> stemmer = (indexSettings, env, name, settings) -> {
            String language = settings.get("language", settings.get("name", "porter"));
            Function<TokenStream, TokenStream> make = switch (language) {
                case "english", "porter" -> PorterStemFilter::new;
                case "possessive_english" -> EnglishPossessiveFilter::new;
                case "light_english", "kstem" -> KStemFilter::new;
                case "minimal_english" -> EnglishMinimalStemFilter::new;
                default -> throw new IllegalArgumentException(
                    "stemmer language [" + language + "] is not in the newsetl-analysis plugin (English stemmers only: "
                        + "english, porter, possessive_english, light_english, kstem, minimal_english)");
            };
            return new Filter(name, make);
        };
        AnalysisProvider<TokenFilterFactory> keywordMarker = (indexSettings, env, name, settings) -> {
            String pattern = settings.get("keywords_pattern");
            if (pattern != null) {
                if (settings.get("keywords") != null || settings.get("keywords_path") != null) {
                    throw new IllegalArgumentException("cannot specify both `keywords_pattern` and `keywords` or `keywords_path`");
                }
                Pattern compiled = Pattern.compile(pattern);
                return new Filter(name, in -> new PatternKeywordMarkerFilter(in, compiled));
            }
            List<String> words = Analysis.getWordList(env, settings, "keywords");
            if (words == null) {
                throw new IllegalArgumentException(
                    "keyword filter requires either `keywords`, `keywords_path`, or `keywords_pattern` to be configured");
            }
            CharArraySet keywords = new CharArraySet(words, settings.getAsBoolean("ignore_case", false));
            return new Filter(name, in -> new SetKeywordMarkerFilter(in, keywords));
        };
        AnalysisProvider<TokenFilterFactory> patternReplace = (indexSettings, env, name, settings) -> {
            Pattern pattern = requiredPattern(settings, name);
            String replacement = settings.get("replacement", "");
            boolean all = settings.getAsBoolean("all", true);
            return new Filter(name, in -> new PatternReplaceFilter(in, pattern, replacement, all));
        };
        AnalysisProvider<TokenFilterFactory> patternCapture = (indexSettings, env, name, settings) -> {
            List<String> regexes = settings.getAsList("patterns");
            if (regexes.isEmpty()) {
                throw new IllegalArgumentException("required setting 'patterns' is missing for token filter [" + name + "]");
            }
            Pattern[] patterns = regexes.stream().map(Pattern::compile).toArray(Pattern[]::new);
            boolean preserve = settings.getAsBoolean("preserve_original", true);
            return new Filter(name, in -> new PatternCaptureGroupTokenFilter(in, preserve, patterns));
        };
        AnalysisProvider<TokenFilterFactory> unique = (indexSettings, env, name, settings) -> {
            boolean samePosition = settings.getAsBoolean("only_on_same_position", false);
            return new Filter(name, in -> new Unique(in, samePosition));
        };
        AnalysisProvider<TokenFilterFactory> multiplexer = (indexSettings, env, name, settings) -> new Multiplexer(
            name,
            settings.getAsList("filters"),
            settings.getAsBoolean("preserve_original", true)
        );
        AnalysisProvider<TokenFilterFactory> wordDelimiterGraph = (indexSettings, env, name, settings) -> {
            int flags = 0;
            flags |= flag(settings, "generate_word_parts", true, WordDelimiterGraphFilter.GENERATE_WORD_PARTS);
            flags |= flag(settings, "generate_number_parts", true, WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS);
            flags |= flag(settings, "catenate_words", false, WordDelimiterGraphFilter.CATENATE_WORDS);
            flags |= flag(settings, "catenate_numbers", false, WordDelimiterGraphFilter.CATENATE_NUMBERS);
            flags |= flag(settings, "catenate_all", false, WordDelimiterGraphFilter.CATENATE_ALL);
            flags |= flag(settings, "split_on_case_change", true, WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE);
            flags |= flag(settings, "preserve_original", false, WordDelimiterGraphFilter.PRESERVE_ORIGINAL);
            flags |= flag(settings, "split_on_numerics", true, WordDelimiterGraphFilter.SPLIT_ON_NUMERICS);
            flags |= flag(settings, "stem_english_possessive", true, WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE);
            flags |= flag(settings, "ignore_keywords", false, WordDelimiterGraphFilter.IGNORE_KEYWORDS);
            final int configuration = flags;
            boolean adjustOffsets = settings.getAsBoolean("adjust_offsets", true);
            List<String> protectedList = Analysis.getWordList(env, settings, "protected_words");
            CharArraySet protectedWords = protectedList == null ? null : new CharArraySet(protectedList, false);
            List<String> typeRules = Analysis.getWordList(env, settings, "type_table");
            byte[] table = typeRules == null ? WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE : typeTable(typeRules);
            return new Filter(
                name,
                in -> new WordDelimiterGraphFilter(in, adjustOffsets, table, configuration, protectedWords)
            );
        };
        AnalysisProvider<TokenFilterFactory> flattenGraph = (indexSettings, env, name, settings) -> new Filter(
            name,
            FlattenGraphFilter::new
        );
        return Map.of(
            "word_delimiter_graph", wordDelimiterGraph,
            "flatten_graph", flattenGraph,
            "stemmer", stemmer,
            "keyword_marker", AnalysisPlugin.requiresAnalysisSettings(keywordMarker),
            "pattern_replace", AnalysisPlugin.requiresAnalysisSettings(patternReplace),
            "pattern_capture", AnalysisPlugin.requiresAnalysisSettings(patternCapture),
            "unique", unique,
            "multiplexer", multiplexer
        );
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        AnalysisProvider<CharFilterFactory> mapping = (indexSettings, env, name, settings) -> {
            List<String> rules = Analysis.getWordList(env, settings, "mappings");
            if (rules == null) {
                throw new IllegalArgumentException("mapping requires either `mappings` or `mappings_path` to be configured");
            }
            NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
            for (String rule : rules) {
                int arrow = rule.indexOf("=>");
                if (arrow < 0) {
                    throw new IllegalArgumentException("Invalid Mapping Rule : [" + rule + "]");
                }
                String from = unescape(rule.substring(0, arrow).trim(), rule);
                String to = unescape(rule.substring(arrow + 2).trim(), rule);
                if (from.isEmpty()) {
                    throw new IllegalArgumentException("Invalid Mapping Rule : [" + rule + "]. Illegal mapping.");
                }
                builder.add(from, to);
            }
            NormalizeCharMap map = builder.build();
            return new CharFilter(name, reader -> new MappingCharFilter(map, reader));
        };
        AnalysisProvider<CharFilterFactory> patternReplace = (indexSettings, env, name, settings) -> {
            Pattern pattern = requiredPattern(settings, name);
            String replacement = settings.get("replacement", "");
            return new CharFilter(name, reader -> new PatternReplaceCharFilter(pattern, replacement, reader));
        };
        return Map.of(
            "mapping", AnalysisPlugin.requiresAnalysisSettings(mapping),
            "pattern_replace", AnalysisPlugin.requiresAnalysisSettings(patternReplace)
        );
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        AnalysisProvider<TokenizerFactory> uax = (indexSettings, env, name, settings) -> {
            int max = settings.getAsInt("max_token_length", 255);
            return TokenizerFactory.newFactory(name, () -> {
                UAX29URLEmailTokenizer t = new UAX29URLEmailTokenizer();
                t.setMaxTokenLength(max);
                return t;
            });
        };
        return Map.of("uax_url_email", uax);
    }

    private static Pattern requiredPattern(Settings settings, String name) {
        String pattern = settings.get("pattern");
        if (pattern == null) {
            throw new IllegalArgumentException("pattern is missing for [" + name + "] filter of type 'pattern_replace'");
        }
        return Regex.compile(pattern, settings.get("flags"));
    }

    private static int flag(Settings settings, String key, boolean byDefault, int flag) {
        return settings.getAsBoolean(key, byDefault) ? flag : 0;
    }

    /**
     * The character type table of word_delimiter_graph: Lucene's default table with each rule {@code "c => TYPE"}
     * applied (c one character, escapes as in mapping rules; TYPE one of LOWER, UPPER, ALPHA, DIGIT, ALPHANUM,
     * SUBWORD_DELIM, with Lucene's values).
     */
    private static byte[] typeTable(List<String> rules) {
        Map<String, Byte> types = Map.of(
            "LOWER", (byte) 1, "UPPER", (byte) 2, "ALPHA", (byte) 3, "DIGIT", (byte) 4, "ALPHANUM", (byte) 7, "SUBWORD_DELIM", (byte) 8
        );
        java.util.TreeMap<Character, Byte> typeMap = new java.util.TreeMap<>();
        for (String rule : rules) {
            int arrow = rule.indexOf("=>");
            if (arrow < 0) {
                throw new IllegalArgumentException("Invalid Mapping Rule : [" + rule + "]");
            }
            String lhs = unescape(rule.substring(0, arrow).trim(), rule);
            Byte type = types.get(rule.substring(arrow + 2).trim());
            if (lhs.length() != 1 || type == null) {
                throw new IllegalArgumentException("Invalid Mapping Rule : [" + rule + "]");
            }
            typeMap.put(lhs.charAt(0), type);
        }
        byte[] defaults = WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE;
        byte[] table = new byte[Math.max(typeMap.lastKey() + 1, defaults.length)];
        System.arraycopy(defaults, 0, table, 0, defaults.length);
        for (int c = defaults.length; c < table.length; c++) {
            table[c] = WordDelimiterIterator.getType(c);
        }
        typeMap.forEach((c, t) -> table[c] = t);
        return table;
    }

    /** A mapping rule side: backslash escapes \\ \n \t \r \b \f and \\uXXXX, as the mapping char filter documents. */
    private static String unescape(String s, String rule) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw new IllegalArgumentException("Invalid escaped char in [" + rule + "]");
            }
            char e = s.charAt(i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        throw new IllegalArgumentException("Invalid escaped char in [" + rule + "]");
                    }
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    private record Provider(String providerName, Analyzer analyzer) implements AnalyzerProvider<Analyzer> {
        @Override
        public String name() {
            return providerName;
        }

        @Override
        public org.elasticsearch.index.analysis.AnalyzerScope scope() {
            return org.elasticsearch.index.analysis.AnalyzerScope.INDEX;
        }

        @Override
        public Analyzer get() {
            return analyzer;
        }
    }

    private record Filter(String name, Function<TokenStream, TokenStream> make) implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream in) {
            return make.apply(in);
        }
    }

    private record CharFilter(String name, Function<Reader, Reader> make) implements NormalizingCharFilterFactory {
        @Override
        public Reader create(Reader reader) {
            return make.apply(reader);
        }
    }

    /**
     * The multiplexer token filter: each incoming token is emitted once per branch (plus once unchanged
     * when preserve_original), all at the token's position, each copy passed through its branch; a branch
     * is one filter name or a comma-separated chain. Copies equal at one position are emitted once.
     */
    private static final class Multiplexer implements TokenFilterFactory {
        private final String name;
        private final List<String> branches;
        private final boolean preserveOriginal;

        Multiplexer(String name, List<String> branches, boolean preserveOriginal) {
            this.name = name;
            this.branches = branches;
            this.preserveOriginal = preserveOriginal;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public TokenStream create(TokenStream in) {
            throw new UnsupportedOperationException("TokenFilterFactory.getChainAwareTokenFilterFactory() must be called first");
        }

        @Override
        public TokenFilterFactory getChainAwareTokenFilterFactory(
            IndexCreationContext context,
            TokenizerFactory tokenizer,
            List<CharFilterFactory> charFilters,
            List<TokenFilterFactory> previous,
            Function<String, TokenFilterFactory> allFilters
        ) {
            List<TokenFilterFactory> chains = new ArrayList<>();
            if (preserveOriginal) {
                chains.add(IDENTITY_FILTER);
            }
            for (String branch : branches) {
                List<TokenFilterFactory> before = new ArrayList<>(previous);
                List<TokenFilterFactory> chain = new ArrayList<>();
                for (String part : branch.split(",")) {
                    String filterName = part.trim();
                    if (filterName.isEmpty()) {
                        continue;
                    }
                    TokenFilterFactory factory = allFilters.apply(filterName);
                    if (factory == null) {
                        throw new IllegalArgumentException(
                            "Multiplexing filter [" + name + "] refers to undefined tokenfilter [" + filterName + "]");
                    }
                    factory = factory.getChainAwareTokenFilterFactory(context, tokenizer, charFilters, before, allFilters);
                    chain.add(factory);
                    before.add(factory);
                }
                chains.add(new Filter(branch, in -> {
                    TokenStream out = in;
                    for (TokenFilterFactory f : chain) {
                        out = f.create(out);
                    }
                    return out;
                }));
            }
            return new Filter(name, in -> new RemoveDuplicatesTokenFilter(new Branches(in, chains)));
        }
    }

    /** Emits every input token once per branch; the i-th copy goes through the i-th branch only. */
    private static final class Branches extends TokenFilter {
        private final TokenStream out;
        private final int count;
        private int current;

        Branches(TokenStream in, List<TokenFilterFactory> chains) {
            super(in);
            this.count = chains.size();
            this.current = count - 1;
            TokenStream stream = new Copies(in);
            for (int i = 0; i < count; i++) {
                final int branch = i;
                stream = new ConditionalTokenFilter(stream, chains.get(i)::create) {
                    @Override
                    protected boolean shouldFilter() {
                        return current == branch;
                    }
                };
            }
            this.out = stream;
        }

        @Override
        public boolean incrementToken() throws IOException {
            return out.incrementToken();
        }

        @Override
        public void reset() throws IOException {
            out.reset();
        }

        @Override
        public void end() throws IOException {
            out.end();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        /** The source of the copies: reads a token, then replays it count - 1 times at the same position. */
        private final class Copies extends TokenFilter {
            private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
            private AttributeSource.State saved;

            Copies(TokenStream in) {
                super(in);
            }

            @Override
            public boolean incrementToken() throws IOException {
                if (current < count - 1) {
                    restoreState(saved);
                    posInc.setPositionIncrement(0);
                    current++;
                    return true;
                }
                if (input.incrementToken() == false) {
                    return false;
                }
                current = 0;
                saved = captureState();
                return true;
            }

            @Override
            public void reset() throws IOException {
                super.reset();
                current = count - 1;
                saved = null;
            }
        }
    }

    /** Drops a token whose text was already seen (in the stream, or at the same position). */
    private static final class Unique extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
        private final CharArraySet seen = new CharArraySet(8, false);
        private final boolean samePosition;

        Unique(TokenStream in, boolean samePosition) {
            super(in);
            this.samePosition = samePosition;
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (input.incrementToken()) {
                if (samePosition && posInc.getPositionIncrement() > 0) {
                    seen.clear();
                }
                if (!seen.contains(term.buffer(), 0, term.length())) {
                    seen.add(new String(term.buffer(), 0, term.length()));
                    return true;
                }
            }
            return false;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            seen.clear();
        }
    }
}
