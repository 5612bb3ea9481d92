package io.hearken.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.hearken.desk.board.QueueFilter;
import io.hearken.events.ComplaintRouted;
import io.hearken.staff.StaffPerson;
import io.hearken.staff.StaffRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The queue in pages through the API and the console: 120 complaints of one building (its own, so the other tests'
 * complaints do not count), varied priorities; the pages together are the queue, bad paging is a 400 in the person's
 * language, another department sees none of it, and the console's links keep the filters.
 */
class QueuePagesApiTest extends DeskTestSupport {

    static final int COMPLAINTS = 120;

    @Autowired
    MockMvc mvc;

    String building;
    List<String> queue;

    @BeforeEach
    void fill() {
        building = "P" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < COMPLAINTS; i++) {
            ComplaintRouted routed = routed("maintenance", 1 + i % 4, "第 " + i + " 件" + (i % 3 == 0 ? " 漏水" : ""),
                    building);
            board.apply(routed); // straight onto the board: the Kafka path is DeskKafkaTest's
        }
        StaffPerson liWei = new StaffPerson("li.wei", "李伟", "maintenance", StaffRole.STAFF, Locale.CHINA);
        queue = board.queue(liWei, new QueueFilter(Set.of(), building, null, null, null)).stream()
                .map(c -> c.id().value()).toList();
        assertThat(queue).hasSize(COMPLAINTS);
    }

    @Test
    void theApiListsTheQueueInPagesThatTogetherAreTheWholeQueue() throws Exception {
        mvc.perform(get("/api/v1/desk/queue").param("building", building).with(httpBasic("li.wei", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(50)).andExpect(jsonPath("$.items.length()").value(50))
                .andExpect(jsonPath("$.total").value(COMPLAINTS)).andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(50)).andExpect(jsonPath("$.pages").value(3))
                .andExpect(jsonPath("$.more").value(true));
        List<String> pages = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            String body = mvc.perform(get("/api/v1/desk/queue").param("building", building).param("page", "" + page)
                    .with(httpBasic("li.wei", "demo"))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.more").value(page < 3)).andReturn().getResponse().getContentAsString();
            pages.addAll(JsonPath.read(body, "$.items[*].id"));
        }
        assertThat(pages).isEqualTo(queue);
        String all = mvc.perform(get("/api/v1/desk/queue").param("building", building).param("size", "200")
                .with(httpBasic("li.wei", "demo"))).andExpect(jsonPath("$.more").value(false))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(all, "$.items[*].id")).isEqualTo(queue);
        // A search stops once its page is full and one more matched: whether more exist, not how many.
        String search = mvc.perform(get("/api/v1/desk/queue").param("building", building).param("q", "漏水")
                        .param("size", "10").with(httpBasic("li.wei", "demo")))
                .andExpect(jsonPath("$.count").value(10)).andExpect(jsonPath("$.more").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<java.util.Map<String, Object>>read(search, "$").get("total")).isNull();
        mvc.perform(get("/api/v1/desk/queue").param("building", building).param("q", "漏水").param("size", "200")
                        .with(httpBasic("li.wei", "demo")))
                .andExpect(jsonPath("$.count").value(40)).andExpect(jsonPath("$.total").value(40))
                .andExpect(jsonPath("$.more").value(false));
        // Another department's worker: none of it, on any page.
        mvc.perform(get("/api/v1/desk/queue").param("building", building).param("status", "ASSIGNED")
                        .with(httpBasic("chen.jing", "demo")))
                .andExpect(jsonPath("$.total").value(0)).andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void badPagingIsA400InThePersonsLanguage() throws Exception {
        for (String[] bad : new String[][] {{"page", "0"}, {"page", "x"}, {"size", "0"}, {"size", "201"}, {"size", "-5"}}) {
            mvc.perform(get("/api/v1/desk/queue").param(bad[0], bad[1]).with(httpBasic("li.wei", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://hearken.io/problems/desk/paging"))
                    .andExpect(jsonPath("$.title").value("请求无效"))
                    .andExpect(jsonPath("$.detail").value("page 须为不小于 1 的整数，size 须为 1 到 200 之间的整数。"));
        }
        mvc.perform(get("/api/v1/desk/queue").param("size", "500").with(httpBasic("li.wei", "demo"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("page must be a whole number from 1, size a whole number from 1 to 200."));
    }

    @Test
    void theConsoleShowsAPageWithLinksThatKeepTheFilters() throws Exception {
        String page = HtmlUtils.htmlUnescape(mvc.perform(get("/desk").param("building", building).param("page", "2")
                        .param("assignee", "").accept(MediaType.TEXT_HTML).with(httpBasic("li.wei", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page).contains("第 2 页，共 3 页").contains("共 120 件");
        for (String id : queue.subList(50, 100)) {
            assertThat(page).contains(id);
        }
        assertThat(page).doesNotContain(queue.get(49)).doesNotContain(queue.get(100));
        assertThat(page).contains("href=\"/desk?building=" + building + "&page=1\"")
                .contains("href=\"/desk?building=" + building + "&page=3\"");
        String search = HtmlUtils.htmlUnescape(mvc.perform(get("/desk").param("building", building).param("q", "第")
                        .accept(MediaType.TEXT_HTML).with(httpBasic("li.wei", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        // A search that stopped at its page: how many at least, and the next page keeps the search.
        assertThat(search).contains("第 1 页<").contains("超过 50 件")
                .contains("href=\"/desk?building=" + building + "&q=%E7%AC%AC&page=2\"")
                .doesNotContain("id=\"page-previous\"");
    }
}
