package io.hearken.events;

import java.util.List;
import java.util.Optional;

/**
 * The default complaint categories with their names and the department that takes them. The router
 * may be configured with another taxonomy; the codes here are the defaults every module knows (the
 * Open311 service codes, the analytics facets, the desk filters).
 */
public final class Taxonomy {

    public record Category(String code, String zh, String en, String department) {
    }

    public static final List<Category> DEFAULT = List.of(
            new Category("facility", "设施故障/报修", "Facility fault / repair", Departments.MAINTENANCE),
            new Category("service", "服务质量/工作态度", "Service quality / staff attitude", Departments.CUSTOMER_SERVICE),
            new Category("environment", "环境卫生", "Environment / cleanliness", Departments.CLEANING),
            new Category("safety", "安全/治安", "Safety / security", Departments.SECURITY),
            new Category("fees", "收费/账单", "Fees / billing", Departments.BILLING),
            new Category("noise", "噪音扰民", "Noise", Departments.SECURITY),
            new Category("pests", "虫鼠害", "Pests", Departments.CLEANING),
            new Category("parking", "停车", "Parking", Departments.SECURITY),
            new Category("other", "其他", "Other", Departments.CUSTOMER_SERVICE));

    private Taxonomy() {
    }

    public static Optional<Category> byCode(String code) {
        return DEFAULT.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
