package com.wuye.center.complaint.internal;

import com.wuye.center.complaint.ComplaintCategories.Category;
import com.wuye.center.shared.DomainException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The configurable complaint categories. */
@Repository
public class ComplaintCategoryRepository {

  private final JdbcClient jdbc;

  ComplaintCategoryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Category> all(boolean activeOnly) {
    return jdbc.sql(
            "SELECT * FROM complaint_category"
                + (activeOnly ? " WHERE active" : "")
                + " ORDER BY sort_order, code")
        .query(
            (rs, i) ->
                new Category(
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("name_en"),
                    rs.getInt("sort_order"),
                    rs.getBoolean("active"),
                    rs.getInt("version")))
        .list();
  }

  public Optional<Category> find(String code) {
    return all(false).stream().filter(c -> c.code().equals(code)).findFirst();
  }

  public void insert(String code, String name, String nameEn, int sortOrder) {
    try {
      jdbc.sql(
              "INSERT INTO complaint_category (code, name, name_en, sort_order) VALUES (:c, :n, :e, :s)")
          .param("c", code)
          .param("n", name)
          .param("e", nameEn)
          .param("s", sortOrder)
          .update();
    } catch (DuplicateKeyException e) {
      throw DomainException.invalid("code", "complaint.error.categoryExists", code);
    }
  }

  public void setActive(String code, boolean active, int version) {
    int n =
        jdbc.sql(
                "UPDATE complaint_category SET active = :a, version = version + 1 WHERE code = :c AND version = :v")
            .param("a", active)
            .param("c", code)
            .param("v", version)
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }
}
