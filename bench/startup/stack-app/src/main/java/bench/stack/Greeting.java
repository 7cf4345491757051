package bench.stack;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Greeting extends PanacheEntityBase {
    @Id
    public long id;
    public String text;
}
