package org.trellis.api.system;

import static org.springframework.web.servlet.function.RequestPredicates.path;
import static org.springframework.web.servlet.function.RouterFunctions.route;

import graphql.introspection.Introspection;
import graphql.parser.ParserOptions;
import io.micrometer.context.ContextRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionService;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import org.trellis.graphql.ConnectionDescriptions;
import org.trellis.graphql.ConnectionNodes;
import org.trellis.graphql.CostBudget;
import org.trellis.graphql.DocumentCache;
import org.trellis.graphql.ErrorResponseInterceptor;
import org.trellis.graphql.GetRequestHandler;
import org.trellis.graphql.GlobalIdTypeVisitor;
import org.trellis.graphql.PostRequestHandler;
import org.trellis.graphql.QueuedLoaders;
import org.trellis.graphql.RateLimitedResponses;
import org.trellis.graphql.RequestLimits;
import org.trellis.graphql.RequestLimitsInstrumentation;
import org.trellis.graphql.ScalarWiring;
import org.trellis.graphql.UserErrorsInstrumentation;
import tools.jackson.databind.json.JsonMapper;

/** Wires the generic GraphQL pieces of the {@code graphql} module into Spring GraphQL. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    static {
        // Should a data fetcher ever run on another thread, carry the logging context (correlation, tenant) along.
        // Merged rather than replaced: keys set once the request is under way (the operation name, set after
        // validation) survive the restore around each data fetcher.
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        "trellis.mdc", MDC::getCopyOfContextMap, map -> map.forEach(MDC::put), MDC::clear);
    }

    @Bean
    ScalarWiring scalarWiring() {
        return new ScalarWiring();
    }

    @Bean
    RequestLimitsInstrumentation requestLimitsInstrumentation(
            LimitsProperties properties, ObjectProvider<CostBudget> budget) {
        RequestLimits limits = properties.toLimits();
        ParserOptions parser = ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(limits.maxTokens())
                        .maxCharacters(limits.maxCharacters())
                        .maxRuleDepth(limits.maxDepth() * 4));
        ParserOptions.setDefaultOperationParserOptions(parser);
        return new RequestLimitsInstrumentation(limits, budget.getIfAvailable(() -> CostBudget.UNLIMITED));
    }

    /** A request refused by its rate-limit budget says when to retry in the Retry-After header. */
    @Bean
    WebGraphQlInterceptor retryAfterHeader() {
        return RateLimitedResponses.retryAfterHeader();
    }

    @Bean
    UserErrorsInstrumentation userErrorsInstrumentation() {
        return new UserErrorsInstrumentation();
    }

    /**
     * Introspection per request rather than through Boot's JVM-wide switch, so it cannot leak between application
     * contexts: off unless {@code trellis.graphql.introspection} is true (the local profile).
     */
    @Bean
    WebGraphQlInterceptor introspectionSwitch(@Value("${trellis.graphql.introspection:false}") boolean enabled) {
        return (request, chain) -> {
            if (!enabled) {
                request.configureExecutionInput(
                        (input, builder) -> builder.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, true))
                                .build());
            }
            return chain.next(request);
        };
    }

    /** One read-only transaction per query; see {@link QueryTransactions}. */
    @Bean
    QueryTransactions queryTransactions(io.micrometer.core.instrument.MeterRegistry meters) {
        return new QueryTransactions(meters);
    }

    /**
     * Controller methods run on the request thread, in order, rather than each on its own virtual thread (Spring
     * GraphQL's default when an executor is present): a query's fields then share its one transaction and connection,
     * which a JDBC connection could not serve from several threads at once anyway. Arguments bind global ids to typed
     * ids on the way in.
     */
    @Bean
    static BeanPostProcessor controllerMethodsOnRequestThread() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AnnotatedControllerConfigurer configurer) {
                    configurer.setBlockingMethodPredicate(method -> false);
                    configurer.configureBinder(options -> options.conversionService(typedIds()));
                }
                return bean;
            }
        };
    }

    /** Boot's shared conversions plus global id strings to typed ids ({@link TypedIdConverter}). */
    private static ConversionService typedIds() {
        ApplicationConversionService conversions = new ApplicationConversionService();
        conversions.addConverter(new TypedIdConverter());
        return conversions;
    }

    /**
     * Documents are parsed and validated once per distinct text (see {@link DocumentCache}); variables, pricing and
     * the introspection switch still apply per request.
     */
    @Bean
    GraphQlSourceBuilderCustomizer documentCache(@Value("${trellis.graphql.document-cache-size:1000}") int size) {
        DocumentCache documents = new DocumentCache(size);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    /** Only the data loaders with keys queued are dispatched after each level ({@link QueuedLoaders}). */
    @Bean
    WebGraphQlInterceptor queuedLoaders() {
        return QueuedLoaders.perRequest();
    }

    @Bean
    WebGraphQlInterceptor errorResponseInterceptor() {
        return new ErrorResponseInterceptor(() -> MDC.get(CorrelationFilter.MDC_KEY));
    }

    /**
     * Global ids for every {@code Node}; descriptions for the pagination types Boot's connection configurer generates
     * (customizers run after Boot has added it, so they see the generated types), then {@code nodes} on every
     * connection, in that order: the descriptions recognise the generated types by their exact fields.
     */
    @Bean
    GraphQlSourceBuilderCustomizer globalIdsAndConnections() {
        ConnectionNodes nodes = new ConnectionNodes();
        return builder -> builder.configureTypeDefinitions(new ConnectionDescriptions())
                .configureTypeDefinitions(nodes)
                .typeVisitors(List.of(new GlobalIdTypeVisitor(), nodes));
    }

    /**
     * All of {@code /graphql}, ordered before Spring GraphQL's own routes, which answer GET and unsupported media
     * types with empty bodies and let a malformed body fail inside the engine. Every refusal is thrown, and so
     * answered by {@link HttpErrors} in the GraphQL error format. A request refused by its rate-limit budget is
     * answered 429 ({@link RateLimitedResponses}).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlRoutes(WebGraphQlHandler graphQl, JsonMapper json) {
        GraphQlHttpHandler handler = RateLimitedResponses.httpHandler(graphQl);
        GetRequestHandler get = new GetRequestHandler(handler, json);
        PostRequestHandler post = new PostRequestHandler(handler, json);
        return route().GET("/graphql", get::handle)
                .POST("/graphql", post::handle)
                .route(path("/graphql"), request -> {
                    throw new HttpRequestMethodNotSupportedException(
                            request.method().name(), List.of("GET", "POST"));
                })
                .build();
    }

    /**
     * Request limits ({@code trellis.graphql.limits.*}); see {@link RequestLimits}. Documents over
     * {@code maxRequestBytes} are refused with 413 before parsing.
     */
    @ConfigurationProperties("trellis.graphql.limits")
    record LimitsProperties(
            int maxDepth,
            long maxCost,
            int maxAliases,
            int maxPageSize,
            int defaultPageSize,
            int maxTokens,
            int maxCharacters,
            int maxRequestBytes,
            DataSize maxResponseSize,
            Duration executionTimeout) {

        RequestLimits toLimits() {
            return new RequestLimits(
                    maxDepth,
                    maxCost,
                    maxAliases,
                    maxPageSize,
                    defaultPageSize,
                    maxTokens,
                    maxCharacters,
                    maxResponseSize.toBytes(),
                    executionTimeout);
        }
    }
}
