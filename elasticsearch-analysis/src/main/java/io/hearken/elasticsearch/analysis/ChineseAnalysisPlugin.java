package io.hearken.elasticsearch.analysis;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The Chinese analysis the production image gets from the {@code analysis-smartcn} plugin and the
 * {@code analysis-common} module, for the embedded node whose distribution has neither. Same names,
 * same Lucene classes: an index template written for one works on the other.
 */
public class ChineseAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
                "smartcn", (indexSettings, env, name, settings) -> provider(name, new SmartChineseAnalyzer()),
                "cjk", (indexSettings, env, name, settings) -> provider(name, new CJKAnalyzer()));
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("smartcn_tokenizer", (indexSettings, env, name, settings) -> tokenizer(name));
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
                "cjk_bigram", (indexSettings, env, name, settings) -> filter(name, CJKBigramFilter::new),
                "cjk_width", (indexSettings, env, name, settings) -> filter(name, CJKWidthFilter::new));
    }

    private static <A extends Analyzer> AnalyzerProvider<A> provider(String name, A analyzer) {
        return new AbstractIndexAnalyzerProvider<>(name, org.elasticsearch.common.settings.Settings.EMPTY) {
            @Override
            public A get() {
                return analyzer;
            }
        };
    }

    private static TokenizerFactory tokenizer(String name) {
        return new TokenizerFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Tokenizer create() {
                return new HMMChineseTokenizer();
            }
        };
    }

    private static TokenFilterFactory filter(String name, java.util.function.UnaryOperator<TokenStream> filter) {
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TokenStream create(TokenStream input) {
                return filter.apply(input);
            }
        };
    }
}
